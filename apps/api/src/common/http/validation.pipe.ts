import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationException } from '../errors/validation.exception';

/**
 * Validates every parameter that declares a schema (`@Body({ schema })`, `@Param('id', { schema })`)
 * and returns the parsed value. Route and query parameters get their name as the field.
 */
@Injectable()
export class SchemaValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const schema = metadata.schema;
    if (!schema) return value;
    const result = await schema['~standard'].validate(value);
    if (!result.issues) return result.value;
    const prefix = metadata.type === 'body' ? undefined : metadata.data;
    throw ValidationException.fromIssues(result.issues, prefix);
  }
}
