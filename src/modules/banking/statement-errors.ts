import { AppError } from '../../shared/errors/index.ts';
import type { StatementProblem } from './statement.types.ts';

/** Refuses a whole statement file, naming where and why; nothing of it is kept. */
export function rejectStatement(problem: StatementProblem): never {
  const where = problem.line !== null ? `line ${problem.line}` : problem.element ? problem.element : 'file';
  throw new AppError('STATEMENT_REJECTED', {
    message: `${problem.file}: ${where}: ${problem.reason}; nothing was imported`,
    details: problem,
  });
}
