import pc from 'picocolors';
import { escapeXml } from '../common/markup.js';
import { getLocale } from '../i18n/locale.js';
import { msg } from '../i18n/messages.js';
import { RULES, type Severity } from '../validation/rules.js';
import { VERSION } from '../version.js';
import type { LintReport } from './lint-report.js';

export const LINT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = typeof LINT_FORMATS[number];

export interface ReportOptions { color?: boolean; filesChecked: number; maxWarnings?: number; summaryOnly?: boolean }

export function formatReport(report: LintReport, format: LintFormat, options: ReportOptions): string {
    switch (format) {
        case 'json': return json(report, options.filesChecked);
        case 'sarif': return sarif(report);
        case 'github': return github(report);
        case 'junit': return junit(report);
        default: return stylish(report, options);
    }
}

// --- stylish : fichier:ligne:colonne sévérité code message ---------------------------------
// Un autre endroit en cause (l'autre définition d'un code en double…) suit sur une ligne en
// retrait : « ↳ fichier:ligne:colonne message » (les problem matchers ne la lisent pas).

function stylish(report: LintReport, options: ReportOptions): string {
    const c = pc.createColors(options.color ?? false);
    const paint = (severity: Severity, text: string): string =>
        severity === 'error' ? c.red(text) : severity === 'warning' ? c.yellow(text) : c.blue(text);
    const lines: string[] = [];
    for (const file of options.summaryOnly ? [] : report.files) {
        for (const m of file.messages) {
            lines.push(`${c.underline(`${file.path}:${m.line}:${m.column}`)} ${paint(m.severity, msg(`severity.${m.severity}`))} ${c.dim(m.code)} ${m.message}`);
            for (const r of m.related) {
                lines.push(`  ${c.dim('↳')} ${c.underline(`${r.path}:${r.line}:${r.column}`)} ${c.dim(r.message)}`);
            }
        }
    }
    const total = report.errors + report.warnings + report.infos;
    if (lines.length > 0) lines.push('');
    if (total === 0) {
        lines.push(c.green(msg('lint.summary.clean', { files: options.filesChecked })));
    } else {
        const summary = msg('lint.summary.problems', { total, errors: report.errors, warnings: report.warnings, infos: report.infos, files: options.filesChecked });
        lines.push(report.errors > 0 ? c.bold(c.red(summary)) : c.bold(c.yellow(summary)));
        if (report.fixable > 0) lines.push(c.dim(msg('lint.summary.fixable', { count: report.fixable })));
    }
    if (options.maxWarnings !== undefined && report.warnings > options.maxWarnings) {
        lines.push(c.red(msg('lint.summary.maxWarnings', { warnings: report.warnings, max: options.maxWarnings })));
    }
    return lines.join('\n') + '\n';
}

// --- json -------------------------------------------------------------------------------

function json(report: LintReport, filesChecked: number): string {
    return JSON.stringify({
        outil: 'referentiel', version: VERSION,
        fichiers: report.files.map(f => ({
            chemin: f.path,
            diagnostics: f.messages.map(m => ({
                code: m.code, severite: m.severity, message: m.message,
                ligne: m.line, colonne: m.column, ligneFin: m.endLine, colonneFin: m.endColumn,
                corrigeable: m.fixable,
                ...(m.related.length > 0 ? {
                    autresEmplacements: m.related.map(r => ({
                        chemin: r.path, ligne: r.line, colonne: r.column, ligneFin: r.endLine, colonneFin: r.endColumn, message: r.message
                    }))
                } : {})
            }))
        })),
        resume: { fichiers: filesChecked, erreurs: report.errors, avertissements: report.warnings, infos: report.infos, corrigeables: report.fixable }
    }, null, 2) + '\n';
}

// --- SARIF 2.1.0 (analyse de code : GitHub code scanning, GitLab…) -----------------------

function sarif(report: LintReport): string {
    const locale = getLocale();
    const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
    const fileIndex = new Map(report.files.map((f, i) => [f.path, i]));
    const physicalLocation = (p: string, region: { line: number; column: number; endLine: number; endColumn: number }) => ({
        artifactLocation: { ...artifactLocation(p), ...(fileIndex.has(p) ? { index: fileIndex.get(p) } : {}) },
        region: { startLine: region.line, startColumn: region.column, endLine: region.endLine, endColumn: region.endColumn }
    });
    const level = (s: Severity): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'referentiel',
                    semanticVersion: VERSION,
                    version: VERSION,
                    language: locale,
                    rules: RULES.map(r => ({
                        id: r.code,
                        name: r.title.en.replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : '')),
                        shortDescription: { text: r.title[locale] },
                        fullDescription: { text: r.title[locale] },
                        help: { text: `${r.code} — ${r.title[locale]} (docs/rules.md)` },
                        defaultConfiguration: { level: level(r.severity) },
                        properties: { category: r.category }
                    }))
                }
            },
            originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileUri(process.cwd()) + '/' } },
            artifacts: report.files.map(f => ({ location: artifactLocation(f.path) })),
            results: report.files.flatMap(f => f.messages.map(m => ({
                ruleId: m.code,
                ...(ruleIndex.has(m.code) ? { ruleIndex: ruleIndex.get(m.code) } : {}),
                level: level(m.severity),
                message: { text: m.message },
                locations: [{ physicalLocation: physicalLocation(f.path, m) }],
                ...(m.related.length > 0 ? {
                    relatedLocations: m.related.map((r, id) => ({ id, physicalLocation: physicalLocation(r.path, r), message: { text: r.message } }))
                } : {})
            })))
        }]
    };
    return JSON.stringify(log, null, 2) + '\n';
}

/** Chemin relatif au dossier courant (racine du dépôt en CI) ; URI absolue sinon. */
function artifactLocation(p: string): { uri: string; uriBaseId?: string } {
    return p.startsWith('/') ? { uri: pathToFileUri(p) } : { uri: encodeUriPath(p), uriBaseId: '%SRCROOT%' };
}

function encodeUriPath(p: string): string {
    return p.split('/').map(encodeURIComponent).join('/');
}

function pathToFileUri(p: string): string {
    return 'file://' + encodeUriPath(p.split('\\').join('/'));
}

// --- Annotations GitHub Actions ----------------------------------------------------------

function github(report: LintReport): string {
    const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
    const command = (s: Severity): string => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice');
    const lines: string[] = [];
    for (const f of report.files) {
        for (const m of f.messages) {
            // Une annotation n'a qu'un endroit : les autres suivent le message, une ligne chacun.
            const text = [m.message, ...m.related.map(r => `${r.path}:${r.line}:${r.column} ${r.message}`)].join('\n');
            lines.push(`::${command(m.severity)} file=${escapeProperty(f.path)},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.code)}::${escapeData(text)}`);
        }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

// --- JUnit (GitLab CI, Jenkins…) -----------------------------------------------------------

function junit(report: LintReport): string {
    const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
    const tests = report.files.reduce((n, f) => n + Math.max(1, f.messages.length), 0);
    const failures = report.errors + report.warnings + report.infos;
    out.push(`<testsuites name="referentiel lint" tests="${tests}" failures="${failures}" errors="0">`);
    for (const f of report.files) {
        out.push(`  <testsuite name="${xml(f.path)}" tests="${Math.max(1, f.messages.length)}" failures="${f.messages.length}" errors="0">`);
        if (f.messages.length === 0) {
            out.push(`    <testcase classname="${xml(f.path)}" name="referentiel lint"/>`);
        }
        for (const m of f.messages) {
            out.push(`    <testcase classname="${xml(f.path)}" name="${xml(`${m.code} ${f.path}:${m.line}:${m.column}`)}">`);
            const related = m.related.map(r => `\n  ↳ ${r.path}:${r.line}:${r.column} ${r.message}`).join('');
            out.push(`      <failure type="${m.severity}" message="${xml(m.message)}">${xml(`${f.path}:${m.line}:${m.column} ${msg(`severity.${m.severity}`)} ${m.code} ${m.message}${related}`)}</failure>`);
            out.push('    </testcase>');
        }
        out.push('  </testsuite>');
    }
    out.push('</testsuites>');
    return out.join('\n') + '\n';
}

function xml(text: string): string {
    return escapeXml(text, { quotes: true });
}
