import { describe, expect, it } from 'vitest';
import {
  fileExtension,
  matchesFileType,
  normaliseExtension,
  rawExtension,
} from '../../../lib/guard/file-types';

describe('fileExtension: only a fixed vocabulary reaches the log', () => {
  it.each([
    ['customers.csv', 'csv'],
    ['Report.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['jane.doe', 'other'],
    ['anna.berg@example.com', 'other'],
    ['README', 'none'],
    ['.bashrc', 'none'],
    ['trailing.', 'none'],
    ['C:\\Users\\jane\\notes.txt', 'txt'],
  ])('%s → %s', (name, expected) => {
    expect(fileExtension(name)).toBe(expected);
  });

  it('maps what a content script reports to the vocabulary again', () => {
    expect(normaliseExtension('csv')).toBe('csv');
    expect(normaliseExtension('smith')).toBe('other');
    expect(normaliseExtension('none')).toBe('none');
  });
});

describe('matchesFileType: the policy’s type list', () => {
  it.each<[string, string, string[], boolean]>([
    ['an extension', 'backup.pst', ['.pst'], true],
    ['another extension', 'notes.txt', ['.pst'], false],
    ['a MIME type', 'a.zip', ['application/zip'], true],
    ['a MIME wildcard', 'a.png', ['image/*'], true],
    ['a MIME wildcard of another family', 'a.zip', ['image/*'], false],
  ])('%s', (_name, name, types, expected) => {
    const mimeType = name.endsWith('.zip') ? 'application/zip' : name.endsWith('.png') ? 'image/png' : '';
    expect(matchesFileType({ extension: rawExtension(name), mimeType }, types)).toBe(expected);
  });
});
