import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';
import { ReplicaTurns } from './replica-turns';

@Global()
@Module({ providers: [RedisService, ReplicaTurns], exports: [RedisService, ReplicaTurns] })
export class RedisModule {}
