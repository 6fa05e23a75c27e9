import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import pc from 'picocolors';
import type { KeyObject } from 'node:crypto';
import { KeyError, readVerificationKey } from '../interop/badge-signing.js';
import { verifyBadge } from '../interop/badge-verify.js';
import { msg } from '../i18n/messages.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './errors.js';
import { writeStdout } from './io.js';

export interface VerifyOptions {
    cle?: string;
    color: boolean;
}

const BADGE = /\.(jwt|json)$/i;

/** Les fichiers à vérifier : ceux donnés, et les .jwt / .json des dossiers donnés. */
async function badgeFiles(paths: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const p of paths) {
        const stat = await fs.stat(p).catch(() => undefined);
        if (!stat) throw new UsageError(msg('error.noSuchPath', { path: p }));
        if (stat.isDirectory()) {
            const found = (await fs.readdir(p)).filter(n => BADGE.test(n)).sort().map(n => path.join(p, n));
            if (found.length === 0) throw new UsageError(msg('verify.none', { path: p }));
            files.push(...found);
        } else {
            files.push(p);
        }
    }
    return files;
}

/**
 * `referentiel verify <badges…> [--cle clé-publique]` : 0 si tous les badges sont valides,
 * 1 si l'un est refusé (avec ses raisons), 2 pour un problème d'usage ou de lecture.
 */
export async function verifyCommand(paths: string[], options: VerifyOptions): Promise<number> {
    let key: KeyObject | undefined;
    if (options.cle !== undefined) {
        const text = await fs.readFile(options.cle, 'utf8').catch(() => {
            throw new UsageError(msg('error.noSuchPath', { path: options.cle! }));
        });
        try {
            key = readVerificationKey(text);
        } catch (error) {
            if (error instanceof KeyError) throw new UsageError(msg('key.unreadable', { file: options.cle, detail: error.message }));
            throw error;
        }
    }
    const files = await badgeFiles(paths);
    const c = pc.createColors(options.color);
    const lines: string[] = [];
    let valid = 0;
    for (const file of files) {
        const text = await fs.readFile(file, 'utf8').catch(() => {
            throw new UsageError(msg('error.noSuchPath', { path: file }));
        });
        const verdict = await verifyBadge(text, { key });
        if (verdict.valid) {
            valid++;
            lines.push(c.green(msg('verify.valid', { file, name: verdict.name ?? '?', issuer: verdict.issuer ?? '?' })));
            for (const note of verdict.notes) lines.push(c.dim(`    ${note}`));
        } else {
            lines.push(c.red(msg('verify.invalid', { file })));
            for (const reason of verdict.reasons) lines.push(`    - ${reason}`);
        }
    }
    lines.push('', msg('verify.summary', { valid, invalid: files.length - valid }));
    await writeStdout(lines.join('\n') + '\n');
    return valid === files.length ? EXIT_OK : EXIT_PROBLEMS;
}
