import { describe, expect, it } from 'vitest';
import { firstTagArgument, termTagArguments } from '../../hexo-study-glossary/src/core/term-tag-arguments.js';

describe('firstTagArgument', () => {
  // The timeout guards against time growing with the square of the input (tens of seconds here); it measures nothing.
  it('takes the first argument whatever spaces come before the tag end', { timeout: 5_000 }, () => {
    expect(firstTagArgument('{% term EKS %}')).toBe('EKS');
    expect(firstTagArgument('{%- term "AWS Load Balancer"   -%}')).toBe('AWS Load Balancer');
    expect(firstTagArgument(`{% term Nope${' '.repeat(200_000)}x %}`)).toBe('Nope');
    expect(firstTagArgument(`{% term Nope${' '.repeat(200_000)}`)).toBe('Nope');
  });

  it('reads a quoted argument as Nunjucks reads a string, backslash escapes included', () => {
    expect(firstTagArgument('{% term "<img src=x onerror=alert(\\"KEY\\")>" %}')).toBe('<img src=x onerror=alert("KEY")>');
    expect(firstTagArgument("{% term 'It\\'s' text %}")).toBe("It's");
    expect(firstTagArgument('{% term "a\\nb\\\\c" %}')).toBe('a\nb\\c');
    expect(firstTagArgument('{% term "open')).toBe('open');
  });
});

describe('termTagArguments', () => {
  it.each([
    ['a bare key', ['EKS'], { name: 'EKS', text: 'EKS' }],
    ['a key and its text', ['EKS', 'マネージド', 'Kubernetes'], { name: 'EKS', text: 'マネージド Kubernetes' }],
    ['a key Hexo unquoted', ['AWS Load Balancer Controller', 'コントローラー'], { name: 'AWS Load Balancer Controller', text: 'コントローラー' }],
    ['a key in typographic double quotes', ['“ECR”'], { name: 'ECR', text: 'ECR' }],
    ['a key of several words in typographic quotes, and text', ['“AWS', 'Load', 'Balancer', 'Controller”', 'コントローラー'], { name: 'AWS Load Balancer Controller', text: 'コントローラー' }],
    ['a key in ” at both ends, as Japanese input writes them', ['”Secret', 'Manager”'], { name: 'Secret Manager', text: 'Secret Manager' }],
    ['a key in typographic single quotes', ['‘Let’s', 'Encrypt’'], { name: 'Let’s Encrypt', text: 'Let’s Encrypt' }],
    ['an opening quote never closed, as Hexo split it', ['“AWS', 'Load'], { name: '“AWS', text: 'Load' }],
    ['a lone quote', ['“'], { name: '“', text: '“' }],
    ['no arguments', [], { name: '', text: '' }],
  ])('reads %s', (_, args, expected) => {
    expect(termTagArguments(args)).toEqual(expected);
  });
});

describe('firstTagArgument', () => {
  it.each([
    ['{% term EKS %}', 'EKS'],
    ['{% term EKS マネージド %}', 'EKS'],
    ['{%- term "AWS Load Balancer" text -%}', 'AWS Load Balancer'],
    ["{% term 'Let’s Encrypt' %}", 'Let’s Encrypt'],
    ['{% term “AWS Load Balancer” コントローラー %}', 'AWS Load Balancer'],
    ['{% term ”Secret  Manager” %}', 'Secret Manager'],
    ['{% term %}', ''],
    ['{% term EKS%}', 'EKS'],
  ])('reads %s as termTagArguments does', (tag, expected) => {
    expect(firstTagArgument(tag)).toBe(expected);
  });
});
