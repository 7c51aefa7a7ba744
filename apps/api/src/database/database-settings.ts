/** Where the database is, decided at start: the embedded server or DATABASE_URL. */
export class DatabaseSettings {
  constructor(
    readonly url: string,
    readonly mode: 'embedded' | 'postgres',
    readonly poolSize: number,
  ) {}
}
