import { Param } from '@nestjs/common';
import { z } from 'zod';

const UuidSchema = z.uuid({ message: 'must be a UUID' });
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { message: 'is not a valid token' });

/** A route parameter that must be a UUID: anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator => Param(name, { schema: UuidSchema });

/** A route parameter holding a secret token from a link. */
export const TokenParam = (name: string): ParameterDecorator => Param(name, { schema: TokenSchema });
