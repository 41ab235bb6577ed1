/** An error whose message is for the user as it stands (a DuckDB or PostgreSQL message, a missing file):
 * the CLI prints it without a stack trace and exits with `exitCode`. */
export class SqlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
