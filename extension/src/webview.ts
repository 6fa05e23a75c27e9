/**
 * Les vues web de l'extension : politique de sécurité stricte (rien de distant, styles et script
 * seulement avec un nonce), aucun accès aux fichiers locaux.
 */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function nonce(): string {
    return randomBytes(18).toString('base64').replace(/[+/=]/g, '');
}

export function contentSecurityPolicy(webview: vscode.Webview, nonceValue: string, options: { script: boolean }): string {
    return [
        `default-src 'none'`,
        `style-src ${webview.cspSource} 'nonce-${nonceValue}'`,
        `img-src ${webview.cspSource} data:`,
        `font-src ${webview.cspSource}`,
        options.script ? `script-src 'nonce-${nonceValue}'` : `script-src 'none'`,
        `form-action 'none'`,
        `base-uri 'none'`
    ].join('; ');
}

/**
 * Un document HTML autonome (le rapport de `referentiel evaluate --format html`) rendu affichable dans
 * une vue : la politique de sécurité est ajoutée en tête et ses balises <style> reçoivent le nonce.
 * Seul l'en-tête est touché : le contenu (textes du référentiel et du candidat) reste tel quel.
 */
export function secureDocument(html: string, webview: vscode.Webview): string {
    const value = nonce();
    const headEnd = html.search(/<\/head>/i);
    if (headEnd < 0) {
        return `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, value, { script: false })}"></head><body></body></html>`;
    }
    let head = html.slice(0, headEnd);
    const rest = html.slice(headEnd);
    head = head.replace(/<style(?=[\s>])/gi, `<style nonce="${value}"`);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, value, { script: false })}">`;
    head = /<head[^>]*>/i.test(head) ? head.replace(/<head[^>]*>/i, whole => `${whole}\n${meta}`) : meta + head;
    return head + rest;
}
