import { createNewReferentiel, MAX_BLOCS } from '../core/new-referentiel.js';
import { msg } from '../i18n/messages.js';
import { EXIT_OK, UsageError } from './errors.js';

export interface NewOptions {
    blocs: string;
    out: string;
    force?: boolean;
}

/** `referentiel new <code> <titre> --blocs N --out <dossier> [--force]` : le travail est fait par core/. */
export async function newCommand(code: string, titre: string, options: NewOptions): Promise<number> {
    const blocs = /^\d+$/.test(options.blocs.trim()) ? Number(options.blocs.trim()) : NaN;
    if (!Number.isInteger(blocs)) throw new UsageError(msg('new.badBlocs', { value: options.blocs, max: MAX_BLOCS }));
    const outcome = await createNewReferentiel({ code, titre, blocs, out: options.out, force: options.force });
    process.stderr.write(msg('new.summary', { code: outcome.code, out: options.out, files: outcome.files.length, blocs }) + '\n');
    return EXIT_OK;
}
