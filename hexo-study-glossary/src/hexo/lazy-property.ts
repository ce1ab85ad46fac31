/**
 * A property made when it is read, for the theme's locals: a theme may also
 * assign it, and then keeps what it assigned.
 */
export function lazyProperty<T extends object>(name: PropertyKey, get: (this: T) => unknown): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get,
    set(this: T, value: unknown) {
      Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
    },
  };
}
