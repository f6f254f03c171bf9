export { InvalidInputError, NoVersionInForceError } from '../runtime/errors.js';
