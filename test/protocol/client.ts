import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Les règles de rédaction (REF601 … REF605) désactivées : les fixtures de ces tests ont des textes
 * de remplissage (« Compétence du bloc 1 ») ; le protocole ne dépend pas de leur style. Le serveur
 * les publie par défaut (information) : voir settings.test.ts.
 */
export const REDACTION_OFF: Record<string, 'off'> = { REF601: 'off', REF602: 'off', REF603: 'off', REF604: 'off', REF605: 'off' };
export const SERVER = path.join(ROOT, 'out', 'server.cjs');

/** Un éditeur complet (comme VS Code) : tout ce dont le serveur sait se servir. */
export const FULL_CAPABILITIES: ClientCapabilities = {
    workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: false } },
    textDocument: {
        synchronization: { didSave: true },
        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true },
        rename: { prepareSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
        semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        inlayHint: {},
        codeLens: {},
        documentSymbol: { hierarchicalDocumentSymbolSupport: true }
    }
};

/**
 * Un client qui n'annonce presque rien (LSP 3.0 : pas de prepareSupport, plan plat, texte
 * brut, pas de labelDetails) : le serveur doit s'en tenir à ce qu'il comprend.
 */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {
    workspace: { configuration: true },
    textDocument: { synchronization: {}, completion: { completionItem: {} }, hover: {}, rename: {}, documentSymbol: {}, codeLens: {} }
};

/**
 * Un client LSP minimal, comme un éditeur : il lance le serveur construit (out/server.cjs) avec
 * `--stdio` et lui parle en JSON-RPC sur son entrée et sa sortie standard.
 */
export class TestClient {
    readonly connection: ProtocolConnection;
    readonly child: ChildProcessWithoutNullStreams;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    readonly stderr: string[] = [];
    /** Les réglages rendus au serveur quand il les demande (workspace/configuration). */
    settings: Record<string, unknown> = {};
    private waiters: Array<() => void> = [];
    initializeResult?: InitializeResult;

    constructor(env: NodeJS.ProcessEnv = {}) {
        if (!existsSync(SERVER)) {
            throw new Error(`${SERVER} n'existe pas : lancez « npm run build » avant les tests de protocole.`);
        }
        this.child = spawn(process.execPath, [SERVER, '--stdio'], {
            env: { ...process.env, LANG: 'fr_FR.UTF-8', LC_ALL: '', REFERENTIEL_LOCALE: '', ...env },
            stdio: 'pipe'
        });
        this.child.stderr.setEncoding('utf8').on('data', (d: string) => this.stderr.push(d));
        this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.notify();
        });
        this.connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
            params.items.map(item => (item.section ? this.settings[item.section] ?? null : this.settings)));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('client/unregisterCapability', () => null);
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        this.connection.onNotification('window/logMessage', () => undefined);
        this.connection.listen();
    }

    private notify(): void {
        const waiters = this.waiters;
        this.waiters = [];
        for (const waiter of waiters) waiter();
    }

    /** Attend que les diagnostics d'un fichier vérifient une condition (10 s au plus). */
    async waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeout = 10_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeout;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && accept(current)) return current;
            const left = deadline - Date.now();
            if (left <= 0) {
                throw new Error(`Diagnostics attendus pour ${uri} non reçus ; derniers : ${JSON.stringify(current?.map(d => `${d.code} ${d.message}`))}`);
            }
            await new Promise<void>(resolve => {
                const timer = setTimeout(resolve, Math.min(left, 200));
                this.waiters.push(() => { clearTimeout(timer); resolve(); });
            });
        }
    }

    /** `capabilities` : celles d'un éditeur complet par défaut ; MINIMAL_CAPABILITIES pour un client qui ne sait presque rien. */
    async initialize(folder: string, options: { locale?: string; initializationOptions?: unknown; capabilities?: ClientCapabilities } = {}): Promise<InitializeResult> {
        const uri = pathToFileURL(folder).toString();
        this.initializeResult = await this.connection.sendRequest('initialize', {
            processId: process.pid,
            clientInfo: { name: 'test-protocole' },
            locale: options.locale ?? 'fr',
            rootUri: uri,
            workspaceFolders: [{ uri, name: path.basename(folder) }],
            initializationOptions: options.initializationOptions,
            capabilities: options.capabilities ?? FULL_CAPABILITIES
        }) as InitializeResult;
        await this.connection.sendNotification('initialized', {});
        return this.initializeResult;
    }

    async open(file: string, text = readFileSync(file, 'utf8')): Promise<string> {
        const uri = pathToFileURL(file).toString();
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referentiel', version: 1, text } });
        return uri;
    }

    private versions = new Map<string, number>();

    async change(uri: string, text: string): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }

    async request<T>(method: string, params: unknown): Promise<T> {
        return this.connection.sendRequest(method, params) as Promise<T>;
    }

    /** shutdown puis exit ; rend le code de sortie du serveur. */
    async stop(): Promise<number | null> {
        const exited = new Promise<number | null>(resolve => this.child.once('exit', code => resolve(code)));
        try {
            await this.connection.sendRequest('shutdown');
            await this.connection.sendNotification('exit');
        } catch {
            this.child.kill();
        }
        const code = await Promise.race([exited, new Promise<null>(resolve => setTimeout(() => { this.child.kill(); resolve(null); }, 5000))]);
        this.connection.dispose();
        return code;
    }
}

/** Position (ligne, colonne à partir de 0) de la n-ième occurrence de `search` dans `text`, décalée de `delta`. */
export function position(text: string, search: string, delta = 0, occurrence = 0): { line: number; character: number } {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(search, index + 1);
        if (index < 0) throw new Error(`« ${search} » introuvable`);
    }
    const before = text.slice(0, index + delta);
    const lines = before.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** Applique des modifications de texte LSP (de la fin vers le début). */
export function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
    const offsetAt = (p: { line: number; character: number }): number => {
        const lines = text.split('\n');
        let offset = 0;
        for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
        return offset + p.character;
    };
    const sorted = [...edits].map(e => ({ start: offsetAt(e.range.start), end: offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
    let result = text;
    for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    return result;
}
