// `node --import ./test/support/hide-package.mjs …` with BYLAW_TEST_HIDE=<package>: that package
// cannot be found, exactly as when it is not installed (ERR_MODULE_NOT_FOUND, Node's message).
import { register } from 'node:module';

const hidden = process.env.BYLAW_TEST_HIDE;
const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === ${JSON.stringify(hidden)} || specifier.startsWith(${JSON.stringify(`${hidden}/`)})) {
    const error = new Error(\`Cannot find package '\${specifier}' imported from \${context.parentURL}\`);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
if (hidden) register(`data:text/javascript,${encodeURIComponent(hook)}`);
