// Every CLI command, in the order --help lists them.
import type { Command } from '../io';
import { adminCommand } from './admin';
import { decideCommand } from './decide';
import { policyCommand } from './policy';
import { redactCommand } from './redact';

export const commands: Command[] = [decideCommand, policyCommand, redactCommand, adminCommand];
