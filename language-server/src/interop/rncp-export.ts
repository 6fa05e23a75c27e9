import { blocNumber } from '../codes.js';
import { isActivite, type Activite, type Bloc, type Competence, type Modalite } from '../generated/ast.js';
import type { ReferentielModel } from '../model/referentiel-model.js';
import { ACTIVITES_VISEES_PREFIX, VOIE_KEYWORDS } from './rncp-import.js';
import { JURY_VOIES } from './rncp-reader.js';
import { el, serialize, type XmlElement } from './xml.js';
import { single } from '../model/clauses.js';

/**
 * Le référentiel comme une FICHE de l'export RNCP (flux XML V4.1), pour préparer un dépôt
 * ou échanger avec un outil qui lit ce format.
 *
 * Ce que le format porte : numéro, intitulé, niveau, certificateurs, NSF, dates, statut,
 * activités visées (texte), blocs (code, libellé, liste des compétences et modalités
 * d'évaluation en texte), correspondances. Ce qu'il ne porte pas : les liens explicites
 * (issue de, évalue, vérifie) autrement que cités dans le texte, les critères comme données,
 * les règles d'obtention. Les compétences sont écrites une par ligne, « CODE - texte »,
 * pour que `referentiel import rncp` les retrouve avec leur code.
 *
 * Déterministe : mêmes octets pour le même référentiel.
 */
export function exportRncpXml(model: ReferentielModel): string {
    const certification = model.certification;
    const numero = single(certification?.rncp ?? []) ?? model.code;
    const dateFr = (iso: string | undefined): string | undefined => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
        return m ? `${m[3]}/${m[2]}/${m[1]}` : undefined;
    };
    const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

    // Activités visées : les activités déclarées, sinon la note importée d'une fiche.
    let activitesVisees: string | undefined;
    if (model.activites.length) {
        const lines: string[] = [];
        const walk = (a: Activite, depth: number): void => {
            lines.push(`${'  '.repeat(depth)}${a.name} - ${oneLine(a.texte)}`);
            for (const child of a.activites) walk(child, depth + 1);
        };
        for (const a of model.activites.filter(a => !isActivite(a.$container))) walk(a, 0);
        activitesVisees = lines.join('\n');
    } else {
        const note = certification?.notes.find(n => n.texte.startsWith(ACTIVITES_VISEES_PREFIX));
        activitesVisees = note?.texte.slice(ACTIVITES_VISEES_PREFIX.length);
    }

    const obtention = model.obtentions[0];
    const defaultThreshold = single(obtention?.seuilBlocs)?.pourcentage ?? 100;

    const modaliteText = (m: Modalite): string => {
        const lines: string[] = [];
        const kind = [single(m.nature), m.seul.length > 0 ? 'seul' : m.enEquipe.length > 0 ? 'en équipe' : undefined].filter(Boolean).join(' ; ');
        lines.push(`${m.name} - ${oneLine(m.titre)}${kind ? ` (${kind})` : ''}`);
        const evaluated = m.competences.map(r => r.ref?.name ?? r.$refText);
        if (evaluated.length) lines.push(`Compétences évaluées : ${evaluated.join(', ')}`);
        const consigne = single(m.consigne);
        if (consigne) lines.push(`Consigne : ${consigne}`);
        if (m.livrables.length) lines.push(`Livrables : ${m.livrables.map(l => l.description ? `${l.nature} (${oneLine(l.description)})` : l.nature).join(' ; ')}`);
        const jury = single(m.jury);
        if (jury) lines.push(`Jury : ${jury.effectif !== undefined ? `${jury.effectif} — ` : ''}${oneLine(jury.description)}`);
        for (const c of m.criteres) {
            const verifie = c.competences.map(r => r.ref?.name ?? r.$refText);
            const tail = [verifie.length ? `vérifie ${verifie.join(', ')}` : '', c.eliminatoire ? 'éliminatoire' : ''].filter(Boolean).join(', ');
            lines.push(`Critère ${c.name} : ${oneLine(c.texte)}${tail ? ` (${tail})` : ''}`);
        }
        return lines.join('\n');
    };

    // Codes des blocs : RNCPnnnnnBCnn quand le référentiel a un numéro RNCP.
    const rncp = single(certification?.rncp);
    const blocCodes = new Map<Bloc, string>();
    const takenCodes = new Set<string>();
    model.blocs.forEach((b, index) => {
        let code = b.name;
        if (rncp && /^RNCP\d+$/.test(rncp) && !new RegExp(`^${rncp}BC\\d{2,}$`).test(b.name)) {
            const n = blocNumber(b.name);
            const wanted = `${rncp}BC${String(n ?? index + 1).padStart(2, '0')}`;
            code = takenCodes.has(wanted) || model.blocs.some(o => o.name === wanted) ? `${rncp}BC${String(index + 1).padStart(2, '0')}` : wanted;
        }
        takenCodes.add(code);
        blocCodes.set(b, code);
    });

    const blocElement = (b: Bloc): XmlElement => {
        const competences = model.competencesOfBloc.get(b) ?? [];
        const liste = competences.map((c: Competence) => `${c.name} - ${oneLine(c.texte)}`).join('\n');
        const modalites = b.modalites.map(modaliteText);
        const seuil = single(b.seuil)?.pourcentage ?? defaultThreshold;
        modalites.push(`Le bloc est validé quand ${String(seuil).replace('.', ',')} % de ses compétences sont acquises.`);
        return el('BLOC_COMPETENCES', [
            el('CODE', blocCodes.get(b)!),
            el('LIBELLE', oneLine(b.titre)),
            el('LISTE_COMPETENCES', liste),
            el('MODALITES_EVALUATION', modalites.join('\n\n'))
        ]);
    };

    // Correspondances : vers un bloc, ou vers une fiche entière (« équivalent à RS6626 »).
    const destination = (code: string): XmlElement => {
        const fiche = /^(RNCP\d+|RS\d+)/.exec(code)?.[1];
        return el('DESTINATION', [
            fiche ? el('NUMERO_FICHE', fiche) : undefined,
            fiche === code ? undefined : el('BLOC_COMPETENCES', [el('CODE', code)])
        ]);
    };
    const correspondances: XmlElement[] = [];
    for (const e of certification?.equivalences ?? []) {
        correspondances.push(el('CORRESPONDANCE', [destination(e.bloc)]));
    }
    for (const b of model.blocs) {
        for (const e of b.equivalences) {
            correspondances.push(el('CORRESPONDANCE', [
                el('SOURCE', [el('BLOC_COMPETENCES', [el('CODE', blocCodes.get(b)!)])]),
                destination(e.bloc)
            ]));
        }
    }

    const niveau = single(certification?.niveau);
    const enregistrement = single(certification?.enregistrement);
    const statut = single(certification?.statut);
    const text = (values: readonly string[] | undefined, name: string): XmlElement | undefined => {
        const value = single(values ?? []);
        return value !== undefined ? el(name, value) : undefined;
    };
    const ouiNon = (value: boolean): string => value ? 'Oui' : 'Non';
    const partenaires = single(certification?.partenaires ?? []);
    const territoires = certification?.territoires ?? [];
    const typeEnregistrement = single(certification?.typeEnregistrement ?? []);
    const jurys = JURY_VOIES.map(voie => {
        const jury = certification?.jurys.filter(j => j.voie === VOIE_KEYWORDS[voie]).at(-1);
        return jury ? el(`SI_JURY_${voie}`, [el('ACTIF', ouiNon(jury.statut === 'actif')), jury.composition !== undefined ? el('COMPOSITION', jury.composition) : undefined]) : undefined;
    });
    // Les éléments dans l'ordre de l'export officiel (flux XML V4.1).
    const fiche = el('FICHE', [
        text(certification?.identifiant, 'ID_FICHE'),
        el('NUMERO_FICHE', numero),
        el('INTITULE', oneLine(certification?.titre ?? model.socle?.titre ?? model.code)),
        text(certification?.etat, 'ETAT_FICHE'),
        certification?.formacodes.length ? el('FORMACODES', certification.formacodes.map(f => el('FORMACODE', [el('CODE', f.code), f.libelle ? el('LIBELLE', f.libelle) : undefined]))) : undefined,
        niveau !== undefined && Number.isInteger(niveau) ? el('NOMENCLATURE_EUROPE', [el('NIVEAU', `NIV${niveau}`), el('LIBELLE', `Niveau ${niveau}`)]) : undefined,
        certification?.nsf.length ? el('CODES_NSF', certification.nsf.map(n => el('NSF', [el('CODE', n.code), n.libelle ? el('LIBELLE', n.libelle) : undefined]))) : undefined,
        certification?.certificateurs.length ? el('CERTIFICATEURS', certification.certificateurs.map(c => el('CERTIFICATEUR', [
            c.siret ? el('SIRET_CERTIFICATEUR', c.siret) : undefined,
            el('NOM_CERTIFICATEUR', c.nom),
            c.etat ? el('ETAT_CERTIFICATEUR', c.etat === 'actif' ? 'Actif' : 'Inactif') : undefined
        ]))) : undefined,
        partenaires !== undefined ? el('EXISTENCE_PARTENAIRES', ouiNon(partenaires === 'oui')) : undefined,
        activitesVisees ? el('ACTIVITES_VISEES', activitesVisees) : undefined,
        text(certification?.capacites, 'CAPACITES_ATTESTEES'),
        text(certification?.secteurs, 'SECTEURS_ACTIVITE'),
        text(certification?.emplois, 'TYPE_EMPLOI_ACCESSIBLES'),
        certification?.romes.length ? el('CODES_ROME', certification.romes.map(r => el('ROME', [el('CODE', r.code), r.libelle ? el('LIBELLE', r.libelle) : undefined]))) : undefined,
        ...jurys,
        certification ? el('ACCESSIBLE_NOUVELLE_CALEDONIE', ouiNon(territoires.includes('nouvelle-calédonie'))) : undefined,
        certification ? el('ACCESSIBLE_POLYNESIE_FRANCAISE', ouiNon(territoires.includes('polynésie-française'))) : undefined,
        dateFr(enregistrement?.fin) ? el('DATE_FIN_ENREGISTREMENT', dateFr(enregistrement?.fin)!) : undefined,
        dateFr(enregistrement?.debut) ? el('DATE_EFFET', dateFr(enregistrement?.debut)!) : undefined,
        typeEnregistrement ? el('TYPE_ENREGISTREMENT', typeEnregistrement === 'droit' ? 'Enregistrement de droit' : 'Enregistrement sur demande') : undefined,
        el('BLOCS_COMPETENCES', model.blocs.map(blocElement)),
        text(certification?.objectifs, 'OBJECTIFS_CONTEXTE'),
        statut ? el('ACTIF', statut === 'actif' ? 'Oui' : 'Non') : undefined,
        correspondances.length ? el('CORRESPONDANCES', correspondances) : undefined
    ]);
    const root = el('FICHES', [el('VERSION_FLUX', '4.1'), fiche]);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + serialize(root);
}
