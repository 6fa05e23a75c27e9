import { describe, expect, it } from 'vitest';
import { namedCodes, normalizeSpaces, paragraphs, splitCompetences } from '../../../language-server/src/interop/competency-splitter.js';

// Extraits de LISTE_COMPETENCES et MODALITES_EVALUATION des fiches réelles
// (test/fixtures/interop/rncp/export_fiches_RNCP_V4_1_12fiches.xml), espaces compris.

const codes = (text: string) => splitCompetences(text).items.map(i => i.sourceCode);
const texts = (text: string) => splitCompetences(text).items.map(i => i.text);

describe('splitCompetences : codes dans les styles des fiches réelles', () => {
    it('« A1C1. » avec ou sans espace après le point (RNCP34762BC01)', () => {
        const text = 'A1C1. Evaluer, depuis son périmètre et/ou son métier, les contextes économiques        '
            + 'A1C2.Apprécier, depuis son périmètre d\'activité, les incidences des choix stratégiques    '
            + 'A1C3.Anticiper, quelque soit le service d\'appartenance, les enjeux (SI, R&D, Production, Marketing, ...), en s\'appuyant sur une vision globale.        '
            + 'A1C10. Identifier les enjeux juridiques';
        const result = splitCompetences(text);
        expect(result.style).toBe('codes');
        expect(codes(text)).toEqual(['A1C1', 'A1C2', 'A1C3', 'A1C10']);
        expect(result.items[1].text).toBe('Apprécier, depuis son périmètre d\'activité, les incidences des choix stratégiques');
        expect(result.items[2].text).toBe('Anticiper, quelque soit le service d\'appartenance, les enjeux (SI, R&D, Production, Marketing, ...), en s\'appuyant sur une vision globale.');
    });

    it('« A5.C1. » après un préambule (RNCP34762BC05)', () => {
        const text = 'En mobilisant une analyse du contexte organisationnel et humain, tout en restant vigilant à la compétitivité :    '
            + 'A5.C1. Réaliser un diagnostic d’une situation       A5.C2. Valider – le cas échéant - les modalités d’encadrement du métier    '
            + 'A5.C3. Préconiser et/ou réaliser la mise en œuvre opérationnelle';
        const result = splitCompetences(text);
        expect(result.preamble).toBe('En mobilisant une analyse du contexte organisationnel et humain, tout en restant vigilant à la compétitivité :');
        expect(codes(text)).toEqual(['A5.C1', 'A5.C2', 'A5.C3']);
        // Un tiret à l'intérieur d'une compétence ne la coupe pas.
        expect(result.items[1].text).toBe('Valider – le cas échéant - les modalités d’encadrement du métier');
    });

    it('« C.1. » numérotés sur toute la fiche (RNCP35419BC02)', () => {
        const text = 'C.6. Etablir une liste priorisée des fonctionnalités à livrer dans un cadre contractuel.      '
            + 'C.7. Planifier l’exécution du projet en déterminant le cadre méthodologique.      C.8. Assurer le suivi du projet';
        expect(codes(text)).toEqual(['C.6', 'C.7', 'C.8']);
        expect(texts(text)[1]).toBe('Planifier l’exécution du projet en déterminant le cadre méthodologique.');
    });

    it('« 1.1 », « 1.1.1 », « 3.1.2. » et deux espaces après le code (RNCP36490)', () => {
        const text = '3.1  Organiser le déploiement de la solution logicielle retenue en respectant la triple-contrainte : coût/qualité/délai    '
            + '3.1.1 Concevoir un plan de déploiement du logiciel (ordonnancement des étapes)    '
            + '3.1.2. Configurer l’environnement de déploiement, automatisé ou non    3.2 Assurer la maintenance de l’application logicielle';
        expect(codes(text)).toEqual(['3.1', '3.1.1', '3.1.2', '3.2']);
        expect(texts(text)[0]).toBe('Organiser le déploiement de la solution logicielle retenue en respectant la triple-contrainte : coût/qualité/délai');
    });

    it('« C1 - » et « C2 : » (séparateur explicite, texte en minuscule accepté)', () => {
        const text = 'C1 - Analyser le besoin    C2 - concevoir la solution    C3 : déployer la solution';
        expect(codes(text)).toEqual(['C1', 'C2', 'C3']);
        expect(texts(text)).toEqual(['Analyser le besoin', 'concevoir la solution', 'déployer la solution']);
    });

    it('un code cité au milieu d\'une phrase ne coupe pas', () => {
        const text = 'C1.1 Analyser le besoin en lien avec C1.2 et la charte    C1.2 Rédiger le cahier des charges';
        expect(codes(text)).toEqual(['C1.1', 'C1.2']);
        expect(texts(text)[0]).toBe('Analyser le besoin en lien avec C1.2 et la charte');
    });

    it('des puces et des codes ensemble : la puce est retirée, le code gardé', () => {
        const text = '- C1.1 Analyser le besoin  - C1.2 Rédiger le cahier des charges';
        expect(codes(text)).toEqual(['C1.1', 'C1.2']);
    });
});

describe('splitCompetences : puces et textes sans code', () => {
    it('« - » séparées par deux espaces ; une coupure de ligne à l\'intérieur reste (RNCP35809BC02)', () => {
        const text = '- Valider une solution   technique  - Renseigner la maquette numérique du projet  - Lire, décoder : un document, une information, une base de données...  - Produire à l’aide d’outils numériques des représentations d’une solution   d’aménagement ou de finition';
        const result = splitCompetences(text);
        expect(result.style).toBe('puces');
        expect(result.items.map(i => i.sourceCode)).toEqual([undefined, undefined, undefined, undefined]);
        expect(texts(text)).toEqual([
            'Valider une solution technique',
            'Renseigner la maquette numérique du projet',
            'Lire, décoder : un document, une information, une base de données...',
            'Produire à l’aide d’outils numériques des représentations d’une solution d’aménagement ou de finition'
        ]);
    });

    it('un élément qui a perdu sa puce est séparé (RNCP39568BC06)', () => {
        const text = '- Identifier, sélectionner et analyser avec esprit critique diverses sources de savoirs hautement spécialisés   Définir et instruire une problématique en mobilisant une démarche scientifique  - Défendre, à l’écrit, l’analyse proposée';
        expect(texts(text)).toEqual([
            'Identifier, sélectionner et analyser avec esprit critique diverses sources de savoirs hautement spécialisés',
            'Définir et instruire une problématique en mobilisant une démarche scientifique',
            'Défendre, à l’écrit, l’analyse proposée'
        ]);
    });

    it('« * » (RNCP37488BC01), et « o » devant une majuscule seulement', () => {
        expect(texts('* Valider le fonctionnement d’un réseau      * Coder          * Installer une infrastructure réseau'))
            .toEqual(['Valider le fonctionnement d’un réseau', 'Coder', 'Installer une infrastructure réseau']);
        expect(texts('o Accueillir le client    o Conseiller le client o sur place'))
            .toEqual(['Accueillir le client', 'Conseiller le client o sur place']);
    });

    it('phrases séparées par quatre espaces (RNCP40344BC02) ou deux (RNCP37674BC01)', () => {
        const a = 'Gérer les stocks en assurant leur suivi, pour éviter toutes ruptures.    Organiser les activités de la structure vétérinaire.    Procéder aux encaissements (CB, chèque, espèces, …) et à leurs modalités.';
        expect(splitCompetences(a).style).toBe('texte');
        expect(texts(a)).toHaveLength(3);
        const b = 'Installer et configurer son environnement de travail en fonction du projet web ou web mobile  Maquetter des interfaces utilisateur web ou web mobile  Réaliser des interfaces utilisateur statiques web ou web mobile';
        expect(texts(b)).toEqual([
            'Installer et configurer son environnement de travail en fonction du projet web ou web mobile',
            'Maquetter des interfaces utilisateur web ou web mobile',
            'Réaliser des interfaces utilisateur statiques web ou web mobile'
        ]);
    });

    it('deux espaces devant une minuscule ou un sigle ne coupent pas (RNCP35959BC02)', () => {
        const text = 'Identifier les normes, la réglementation (RGPD)  et règles d’accessibilité applicables au web    Respecter les bonnes pratiques d’intégration  HTML et CSS';
        expect(texts(text)).toEqual([
            'Identifier les normes, la réglementation (RGPD) et règles d’accessibilité applicables au web',
            'Respecter les bonnes pratiques d’intégration HTML et CSS'
        ]);
    });

    it('le style « lignes » de referentiel export --format rncp-xml : un code par ligne, tout code du langage', () => {
        const text = 'C1.1 - Analyser le besoin du client\nCT1 - Présenter ses travaux à l\'oral\nA1-1. - Rédiger « accessible »';
        const result = splitCompetences(text);
        expect(result.style).toBe('lignes');
        expect(result.items).toEqual([
            { sourceCode: 'C1.1', text: 'Analyser le besoin du client' },
            { sourceCode: 'CT1', text: 'Présenter ses travaux à l\'oral' },
            { sourceCode: 'A1-1', text: 'Rédiger « accessible »' }
        ]);
    });

    it('texte vide ou absent', () => {
        expect(splitCompetences(undefined)).toEqual({ style: 'vide', items: [] });
        expect(splitCompetences('   \n ')).toEqual({ style: 'vide', items: [] });
    });
});

describe('namedCodes : les compétences que nomme le texte des modalités', () => {
    const bloc3 = ['A3C1', 'A3C2', 'A3C3', 'A3C4', 'A3C5', 'A3C6', 'A3C7', 'A3C8', 'A3C9', 'A3C10'].map(c => ({ item: c, codes: [c] }));

    it('codes isolés, « et », plages « à » (RNCP34762BC03)', () => {
        const text = 'A3C1 et A3C2. Elaboration d\'un budget       A3C3 à A3C6. Notes de préconisations       NB : les   compétences A3C7 à A3C10 peuvent être traitées au travers d\'une même situation';
        expect(namedCodes(text, bloc3)).toEqual(bloc3.map(b => b.item));
    });

    it('ne confond pas A3C1 et A3C10, ni un critère CR1.1.1 avec C1.1', () => {
        expect(namedCodes('A3C10. Analyse d\'un processus de décision', bloc3)).toEqual(['A3C10']);
        const known = [{ item: 'C1.1', codes: ['C1.1'] }, { item: 'C1.2', codes: ['C1.2'] }];
        expect(namedCodes('Critère CR1.1.1 : les besoins sont identifiés (vérifie C1.2)', known)).toEqual(['C1.2']);
    });

    it('reconnaît le code de la fiche et le code du référentiel (« 1.1.1 » = « C1.1.1 »)', () => {
        const known = [{ item: 'C1.1.1', codes: ['1.1.1', 'C1.1.1'] }, { item: 'C.2', codes: ['C.2'] }];
        expect(namedCodes('Les compétences 1.1.1 et C.2. sont évaluées', known)).toEqual(['C1.1.1', 'C.2']);
        expect(namedCodes('Projet de conception d’application réel ou simulé en centre.', known)).toEqual([]);
    });
});

describe('espaces', () => {
    it('normalizeSpaces et paragraphs', () => {
        expect(normalizeSpaces('  a \u00a0 b\n\tc  ')).toBe('a b c');
        expect(paragraphs('Cas pratiques    Mise en situation professionnelle   simulée\nEtude de cas')).toEqual(['Cas pratiques', 'Mise en situation professionnelle simulée', 'Etude de cas']);
    });

    it('normalizeSpaces : toute suite d\'espaces (\\s, \\u200b) devient une espace, une espace simple reste', () => {
        expect(normalizeSpaces('a b c')).toBe('a b c');
        expect(normalizeSpaces('a\u200bb \u200b c\ufeffd\u2003\u3000e\r\nf \u202f g')).toBe('a b c d e f g');
        expect(normalizeSpaces('\u200b \u00a0')).toBe('');
        // La définition, appliquée naïvement, sur des textes tirés (suite pseudo-aléatoire fixe).
        const reference = (t: string): string => t.replace(/[\s\u200b]+/g, ' ').trim();
        const alphabet = [' ', '\t', '\n', '\r', '\u00a0', '\u200b', '\u2003', '\u202f', '\ufeff', '\u3000', 'a', 'é', '.'];
        let seed = 7;
        const next = (n: number): number => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 16) % n; };
        for (let i = 0; i < 20000; i++) {
            let t = '';
            for (let k = next(10); k > 0; k--) t += alphabet[next(alphabet.length)];
            expect(normalizeSpaces(t), JSON.stringify(t)).toBe(reference(t));
        }
    });

    it('une liste de compétences faite d\'espaces seulement est vide', () => {
        expect(splitCompetences(' \u200b\r\n\u00a0 ')).toEqual({ style: 'vide', items: [] });
        expect(splitCompetences('\u200bC1 - Analyser').style).not.toBe('vide');
    });
});
