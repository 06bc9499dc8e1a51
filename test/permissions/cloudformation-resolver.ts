/**
 * Just enough of CloudFormation's intrinsic functions (Ref, Fn::Sub, Fn::If, Fn::Not, Fn::Equals,
 * AWS::NoValue) to evaluate the generated member-role template for given parameters, so a test
 * can compare what a stack would create with the generated policies.
 */
type Value = unknown;
const NO_VALUE = Symbol('AWS::NoValue');

export function resolveTemplate(template: Record<string, unknown>, parameters: Record<string, string>): Record<string, unknown> {
  const params: Record<string, string> = { 'AWS::Partition': 'aws', ...parameters };
  const conditions = (template.Conditions ?? {}) as Record<string, Value>;
  const condition = (name: string): boolean => {
    if (!(name in conditions)) throw new Error(`unknown condition ${name}`);
    return resolve(conditions[name]) as boolean;
  };
  const resolve = (value: Value): Value => {
    if (Array.isArray(value)) return value.map(resolve).filter((v) => v !== NO_VALUE);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value as Record<string, Value>);
    if (entries.length === 1) {
      const [fn, arg] = entries[0]!;
      if (fn === 'Ref') {
        if (arg === 'AWS::NoValue') return NO_VALUE;
        if (!(String(arg) in params)) throw new Error(`no parameter ${String(arg)}`);
        return params[String(arg)];
      }
      if (fn === 'Fn::Sub') {
        return String(arg).replace(/\$\{([^}]+)\}/g, (_, name: string) => {
          if (!(name in params)) throw new Error(`no parameter ${name}`);
          return params[name]!;
        });
      }
      if (fn === 'Fn::If') {
        const [name, yes, no] = arg as [string, Value, Value];
        return resolve(condition(name) ? yes : no);
      }
      if (fn === 'Fn::Not') return !(resolve((arg as Value[])[0]) as boolean);
      if (fn === 'Fn::Equals') {
        const [a, b] = (arg as Value[]).map(resolve);
        return a === b;
      }
      if (fn.startsWith('Fn::')) throw new Error(`unsupported ${fn}`);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, resolve(v)] as const).filter(([, v]) => v !== NO_VALUE));
  };
  const defaults = Object.fromEntries(
    Object.entries((template.Parameters ?? {}) as Record<string, { Default?: string }>).flatMap(([name, p]) => (p.Default === undefined ? [] : [[name, p.Default]])),
  );
  Object.assign(params, { ...defaults, ...parameters });
  return resolve(template.Resources) as Record<string, unknown>;
}
