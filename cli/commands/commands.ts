// Every CLI command, in the order --help lists them.
import type { Command } from '../io';
import { adminCommand } from './admin-command';
import { decideCommand } from './decide-command';
import { policyCommand } from './policy-command';
import { redactCommand } from './redact-command';

export const commands: Command[] = [decideCommand, policyCommand, redactCommand, adminCommand];
