import { describe, expect, it } from 'vitest';
import { contentTokens, hasPurpose, isInfinitive, jaccard, missingInfinitive, nearDuplicates, nonObservableVerb } from '../../../language-server/src/validation/redaction.js';
import { HEADER, INFO, OBTENTION, WARNING, at, certification, expectNone, expectOne, find, lint } from './util.js';

/** Un bloc d'une compétence (texte donné) évaluée par une modalité dont le critère a ce texte. */
function blocWith(competence: string, critere = 'Les besoins sont reformulés', n = 1): string {
    return `bloc BC0${n} "Bloc ${n}" {
    compétence C${n}.1 "${competence}"
    modalité M${n} "Étude de cas" {
        évalue C${n}.1
        critère CR${n}.1 "${critere}" vérifie C${n}.1
    }
}
`;
}

const ON = { redaction: true };

describe('REF601 — verbe d\'action à l\'infinitif (lexique du Lefff)', () => {
    it('un nom en tête : information, sur le texte, qui cite le mot', async () => {
        const text = certification(blocWith('Analyse des besoins du client afin de proposer une solution'));
        const ws = await lint(text, ON);
        expectOne(ws, 'REF601', { severity: INFO, range: at(text, '"Analyse des besoins du client afin de proposer une solution"'), message: ['La compétence C1.1 commence par « Analyse »'] });
    });

    it('infinitifs du lexique, pronominaux, capitales sans accent, orthographe rectifiée, préfixes : rien', async () => {
        for (const texte of [
            'Analyser les besoins pour proposer une solution', 'S\'assurer de la qualité des données pour fiabiliser les analyses',
            'S’adapter au contexte du client pour le conseiller', 'Se positionner comme référent afin de guider l\'équipe',
            'Elaborer un budget afin de piloter le projet', 'Evaluer les risques pour les prévenir', 'Maitriser les coûts afin de respecter le budget',
            'Mettre en œuvre la solution pour répondre au besoin', 'Co-construire le cahier des charges avec le client pour cadrer le projet',
            'Prototyper une interface afin de la tester'
        ]) {
            expect(missingInfinitive(texte), texte).toBeUndefined();
        }
        expectNone(await lint(certification(blocWith('S\'assurer de la qualité des données pour fiabiliser les analyses')), ON), 'REF601');
    });

    it('un verbe conjugué, un adverbe ou un nom en tête : signalés', () => {
        expect(missingInfinitive('Analyse les besoins')).toBe('Analyse');
        expect(missingInfinitive('Rapidement analyser les besoins')).toBe('Rapidement');
        expect(missingInfinitive('Intervention à proximité des réseaux')).toBe('Intervention');
        expect(missingInfinitive('Se positionnement')).toBe('Se positionnement');
        expect(isInfinitive('concevoir')).toBe(true);
        expect(isInfinitive('conception')).toBe(false);
    });
});

describe('REF602 — finalité énoncée', () => {
    it('les tournures de la finalité', () => {
        for (const texte of ['… pour proposer', '… afin d\'optimiser', '… afin de livrer', '… afin qu\'il', '… en vue d\'un audit', '… de façon à réduire', '… de telle manière à produire',
            '… dans le but de former', '… à l\'attention des décideurs', '… permettant d\'anticiper', '… en prévision de leur stockage', '… afin d’optimiser']) {
            expect(hasPurpose(texte), texte).toBe(true);
        }
        for (const texte of ['Analyser les besoins du client', 'Présenter de manière accessible', 'Poursuivre le projet', 'Rédiger en conformité avec les attentes']) {
            expect(hasPurpose(texte), texte).toBe(false);
        }
    });

    it('une compétence sans finalité : information sur son texte', async () => {
        const text = certification(blocWith('Analyser les besoins du client') + blocWith('Concevoir une solution pour répondre au besoin', undefined, 2));
        const ws = await lint(text, ON);
        expectOne(ws, 'REF602', { severity: INFO, range: at(text, '"Analyser les besoins du client"'), message: ['La compétence C1.1 ne dit pas dans quel but elle s\'exerce', 'ajoutez la finalité'] });
    });

    it('un bloc dont aucune compétence n\'a de finalité : une seule information, sur le bloc', async () => {
        const text = certification(`bloc BC01 "Chantier" {
    compétence C1.1 "Implanter un ouvrage"
    compétence C1.2 "Réceptionner les ouvrages exécutés"
    compétence C1.3 "Lever les réserves"
    modalité M1 "Étude de cas" {
        évalue C1.1, C1.2, C1.3
        critère CR1.1 "L'ouvrage est implanté" vérifie C1.1, C1.2, C1.3
    }
}
`);
        const ws = await lint(text, ON);
        expectOne(ws, 'REF602', { severity: INFO, range: at(text, 'BC01'), message: ['Aucune des 3 compétences du bloc BC01 ne dit dans quel but elle s\'exerce'] });
    });

    it('la sévérité se règle comme pour toute règle', async () => {
        const ws = await lint(certification(blocWith('Analyser les besoins du client')), ON);
        ws.services.validation.RuleSettings.set({ REF602: 'warning', REF601: 'off' });
        await ws.services.shared.workspace.DocumentBuilder.build(ws.documents, { validation: true });
        expectOne(ws, 'REF602', { severity: WARNING });
    });
});

describe('REF603 — critère fondé sur un verbe non observable', () => {
    it('« maîtrise », « sont compris », « connaît », « sensibilisés » : information qui cite la forme et le verbe', async () => {
        const text = certification(blocWith('Choisir les outils afin de collecter les données', 'Le candidat maîtrise les outils de collecte'));
        expectOne(await lint(text, ON), 'REF603', { severity: INFO, range: at(text, '"Le candidat maîtrise les outils de collecte"'), message: ['« maîtrise » (maîtriser)'] });
        expect(nonObservableVerb('Les enjeux sont compris')).toEqual({ form: 'compris', verb: 'comprendre' });
        expect(nonObservableVerb('Il connaît la réglementation')).toEqual({ form: 'connaît', verb: 'connaître' });
        expect(nonObservableVerb('Les équipes sont sensibilisées au RGPD')).toEqual({ form: 'sensibilisées', verb: 'sensibiliser' });
        expect(nonObservableVerb('Le candidat sait appliquer la méthode')).toEqual({ form: 'sait', verb: 'savoir' });
    });

    it('des critères observables, « y compris », « sensibilise les équipes », « connaissances recueillies » : rien', async () => {
        for (const texte of ['Les coûts, y compris les licences, sont chiffrés', 'Le candidat sensibilise les équipes aux risques', 'Les connaissances recueillies satisfont au besoin', 'La solution respecte le RGAA']) {
            expect(nonObservableVerb(texte), texte).toBeUndefined();
        }
        expectNone(await lint(certification(blocWith('Choisir les outils afin de collecter les données', 'Les outils choisis sont justifiés')), ON), 'REF603');
    });
});

describe('REF604 — compétence évaluée seulement par une modalité d\'un autre bloc', () => {
    const text = certification(`bloc BC01 "Un" {
    compétence C1.1 "Recueillir les besoins afin d'identifier les données"
    compétence C1.2 "Collecter les données afin d'alimenter l'entrepôt"
    modalité M1 "Étude de cas" {
        évalue C1.1
        critère CR1.1 "Les besoins sont reformulés" vérifie C1.1
    }
}
bloc BC02 "Deux" {
    compétence C2.1 "Analyser les données afin d'éclairer la décision"
    modalité M2 "Mise en situation" {
        évalue C2.1, C1.2
        critère CR2.1 "L'analyse répond à la question" vérifie C2.1, C1.2
    }
}
`);

    it('sur le code de la compétence, la modalité en cause à côté', async () => {
        const ws = await lint(text, ON);
        const d = expectOne(ws, 'REF604', { severity: INFO, range: at(text, 'C1.2'), message: ['La compétence C1.2 du bloc BC01 n\'est évaluée que par M2', 'le bloc BC01 ne peut pas être évalué seul'] });
        expect(d.relatedInformation?.map(r => r.message)).toEqual(['Modalité M2, d\'un autre bloc, qui évalue C1.2']);
        expect(d.relatedInformation?.[0].location.range).toEqual(at(text, 'M2'));
        expect(find(ws, 'REF106')).toHaveLength(1);
    });

    it('évaluée aussi dans son bloc : rien', async () => {
        const ws = await lint(text.replace('évalue C1.1\n', 'évalue C1.1, C1.2\n'), ON);
        expectNone(ws, 'REF604');
    });
});

describe('REF605 — compétences presque identiques', () => {
    it('le même texte à un mot vide près, dans deux blocs : sur la seconde, la première à côté', async () => {
        const text = certification(blocWith('Planifier les étapes du projet afin de respecter les délais') + blocWith('Planifier les étapes du projet pour respecter les délais', undefined, 2));
        const ws = await lint(text, ON);
        const d = expectOne(ws, 'REF605', { severity: INFO, range: at(text, '"Planifier les étapes du projet pour respecter les délais"'), message: ['Le texte de la compétence C2.1 reprend à 100 % celui de C1.1'] });
        expect(d.relatedInformation?.map(r => r.message)).toEqual(['Compétence C1.1, presque identique à C2.1']);
    });

    it('deux compétences voisines mais distinctes (0,6) : rien', async () => {
        const a = 'Élaborer une stratégie de communication écrite pour convaincre';
        const b = 'Élaborer une stratégie de communication orale pour convaincre';
        expect(jaccard(contentTokens(a), contentTokens(b))).toBeCloseTo(4 / 6, 5);
        expectNone(await lint(certification(blocWith(a) + blocWith(b, undefined, 2)), ON), 'REF605');
    });

    it('des textes très longs et très nombreux : mots bornés, chaque texte rapproché du plus proche qui le précède', () => {
        const long = Array.from({ length: 5000 }, (_, i) => `mot${i}`).join(' ');
        expect(contentTokens(long).size).toBe(256);
        const texts = Array.from({ length: 3000 }, (_, i) => `Analyser le flux ${i} du système ${i * 7} pour produire le rapport ${i * 13}`);
        texts.push(texts[42].replace('pour', 'afin de'));
        expect(nearDuplicates(texts)).toEqual([{ index: 3000, of: 42, similarity: 1 }]);
    });

    it('les paires comptées par l\'index sont celles d\'une comparaison de toutes les paires (qui partagent un mot rare)', () => {
        // Des variations d'un petit vocabulaire : beaucoup de paires proches, des tailles différentes,
        // des égalités, et des mots présents dans plus de 64 textes (sautés par l'index).
        const words = ['analyser', 'flux', 'données', 'rapport', 'client', 'délais', 'budget', 'risques', 'équipe', 'qualité', 'outil', 'projet'];
        const texts = Array.from({ length: 150 }, (_, i) => {
            const picked = words.filter((_, w) => ((i * 7 + w * 3) % 5) !== 0 || (i + w) % 4 === 0);
            return `${picked.join(' ')} rare${i % 37} ${i % 3 === 0 ? 'commun' : ''}`;
        });
        const sets = texts.map(contentTokens);
        const frequency = new Map<string, number>();
        for (const set of sets) for (const t of set) frequency.set(t, (frequency.get(t) ?? 0) + 1);
        expect([...frequency.values()].some(n => n > 64)).toBe(true);
        const expected: Array<{ index: number; of: number; similarity: number }> = [];
        sets.forEach((set, index) => {
            let best: { of: number; similarity: number } | undefined;
            // Dans l'ordre où l'index rencontre les candidats : par mot du texte, puis par texte précédent.
            const order: number[] = [];
            for (const t of set) {
                if (frequency.get(t)! > 64) continue;
                for (let other = 0; other < index; other++) if (sets[other].has(t) && !order.includes(other)) order.push(other);
            }
            for (const other of order) {
                const similarity = jaccard(set, sets[other]);
                if (similarity >= 0.8 && (!best || similarity > best.similarity)) best = { of: other, similarity };
            }
            if (best) expected.push({ index, ...best });
        });
        expect(expected.length).toBeGreaterThan(20);
        expect(nearDuplicates(texts)).toEqual(expected);
    });
});

describe('règles de rédaction désactivées', () => {
    it('« off » pour la catégorie entière : aucune information', async () => {
        const ws = await lint(HEADER + blocWith('Analyse des besoins') + OBTENTION, ON);
        expect(find(ws, 'REF601').length + find(ws, 'REF602').length).toBe(2);
        ws.services.validation.RuleSettings.set({ REF601: 'off', REF602: 'off' });
        await ws.services.shared.workspace.DocumentBuilder.build(ws.documents, { validation: true });
        expectNone(ws, 'REF601');
        expectNone(ws, 'REF602');
    });
});
