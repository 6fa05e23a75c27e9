/**
 * Les documents du jury d'une session : le procès-verbal de délibération (`--format pv`) et les
 * certificats de bloc (`--format certificats`), en HTML accessible ou en PDF balisé. Commun à la
 * ligne de commande et à l'éditeur. Tous les candidats sont évalués d'abord : un dossier fautif
 * lève InputError (avec les problèmes de tous les fichiers) et rien n'est écrit.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { publishFolder, temporarySibling, trackTemporary, writeFileAtomic } from '../common/files.js';
import {
    certificateFileName, certificatesOf, jurySession, minutesRow, minutesSummary, type BlocCertificate, type MinutesRow
} from '../evaluation/jury/documents.js';
import { renderCertificateHtml, renderMinutesHtml } from '../evaluation/jury/jury-html.js';
import { renderCertificatePdf, renderMinutesPdf } from '../evaluation/jury/jury-pdf.js';
import { EvaluationSession } from '../evaluation/session.js';
import type { EvaluationSummary } from '../evaluation/types.js';
import type { Locale } from '../i18n/locale.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { evaluateSources, type CandidateSource, type EvaluationOptions } from './evaluate.js';

export type JuryDocumentKind = 'pv' | 'certificats';
export type JuryDocumentType = 'html' | 'pdf';

export interface JuryOptions extends Omit<EvaluationOptions, 'date'> {
    /** La date de la délibération (AAAA-MM-JJ). */
    readonly date: string;
    /** La date d'évaluation imposée (--date) ; sinon celle de chaque dossier. */
    readonly evaluationDate?: string;
    readonly session?: string;
    readonly members?: readonly string[];
    readonly type: JuryDocumentType;
    readonly locale: Locale;
}

export interface JuryOutput {
    /** Le document lui-même, pour un procès-verbal sans fichier de sortie (sortie standard). */
    readonly content?: string | Uint8Array;
    /** Les fichiers écrits. */
    readonly files: readonly string[];
    readonly summary: EvaluationSummary;
}

/** Le type de document d'après le nom du fichier de sortie du procès-verbal (undefined : ni .html ni .pdf). */
export function documentTypeOf(file: string): JuryDocumentType | undefined {
    const ext = path.extname(file).toLowerCase();
    return ext === '.pdf' ? 'pdf' : ext === '.html' || ext === '.htm' ? 'html' : undefined;
}

/**
 * Produit le procès-verbal (dans `out`, ou renvoyé si `out` est absent) ou les certificats (dans
 * le dossier `out`, obligatoire), après avoir évalué tous les candidats des sources.
 */
export async function produceJuryDocuments(model: ReferentielModel, sources: readonly CandidateSource[], kind: JuryDocumentKind, out: string | undefined, options: JuryOptions): Promise<JuryOutput> {
    const session = jurySession(model, { date: options.date, session: options.session, members: options.members, locale: options.locale });
    const evaluation = new EvaluationSession();
    const rows: MinutesRow[] = [];
    const certificates: BlocCertificate[] = [];
    for await (const { result } of evaluateSources(model, sources, evaluation, { ...options, date: options.evaluationDate })) {
        if (kind === 'pv') rows.push(minutesRow(result, options.locale));
        else certificates.push(...certificatesOf(result, model, options.locale));
    }
    const summary = evaluation.summary;
    if (kind === 'pv') {
        const total = minutesSummary(rows);
        const content = options.type === 'pdf' ? await renderMinutesPdf(session, rows, total) : renderMinutesHtml(session, rows, total);
        if (!out) return { content, files: [], summary };
        await writeFileAtomic(out, content);
        return { files: [out], summary };
    }
    if (!out) throw new Error('certificats : dossier de sortie manquant');
    const target = path.resolve(out);
    const staging = temporarySibling(target, 'certificats');
    await fs.mkdir(path.dirname(staging), { recursive: true });
    await fs.mkdir(staging, { mode: 0o700 });
    const release = trackTemporary(staging);
    try {
        const names: string[] = [];
        for (const certificate of certificates) {
            const name = certificateFileName(certificate, options.type);
            const content = options.type === 'pdf' ? await renderCertificatePdf(session, certificate) : renderCertificateHtml(session, certificate);
            await fs.writeFile(path.join(staging, name), content);
            names.push(name);
        }
        await publishFolder(staging, target, names);
        return { files: names.map(n => path.join(out, n)), summary };
    } catch (error) {
        await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
        throw error;
    } finally {
        release();
    }
}
