// What people write, as data, in one place: the names client sheets give each field (header
// synonyms, per kind of record) and the words they use for the values of every field with a
// fixed set of values (stage, RAG, priority, RAID type and status, allocation unit, yes/no), in
// English, German, French, Spanish and Dutch. The matchers live elsewhere (suggest.ts for
// headers; lookupValue below for values, used by the importer's cell conversion, the register's
// paste and the wizard's value mapping); this file holds only the words. vocabulary.test.ts checks
// that no word means two things and that every target is a real option of its field.
import type { ImportKind } from './kinds';

// ---------------------------------------------------------------------------------------------
// Header synonyms. Each list is matched through suggest.ts's header normalisation (case, accents,
// punctuation, abbreviations), so "Projekt-Nr." and "projekt nr" are one entry. English first,
// then German, French, Spanish and Dutch.

const RECORD_SYNONYMS: Record<Exclude<ImportKind, 'status'>, Record<string, string[]>> = {
  project: {
    id: ['ID', 'Record ID', 'Internal ID', 'System ID', 'UUID', 'GUID'],
    version: ['Version', 'Row version', 'Revision'],
    code: ['Project ID', 'Proj #', 'Project #', 'Project no.', 'Project number', 'Project code', 'Proj code', 'Proj ID', 'Code', 'Ref', 'Reference', 'Project ref', 'Project reference', 'ID', 'Key', 'Project key', 'Projektnummer', 'Projekt-Nr.', 'Projekt-ID', 'Projektcode', 'Projektkennung', 'Code projet', 'Numéro de projet', 'N° projet', 'Référence', 'Référence projet', 'Código', 'Código del proyecto', 'Código de proyecto', 'Número de proyecto', 'Referencia', 'Projectnummer', 'Projectcode', 'Referentie', 'Kenmerk'],
    name: ['Name', 'Project name', 'Proj Name', 'Project', 'Title', 'Project title', 'Initiative', 'Initiative name', 'Investment', 'Scheme', 'Scheme name', 'Projektname', 'Projekt', 'Projekttitel', 'Projektbezeichnung', 'Bezeichnung', 'Vorhaben', 'Nom du projet', 'Nom de projet', 'Nom', 'Projet', 'Intitulé', 'Titre', 'Nombre del proyecto', 'Nombre de proyecto', 'Nombre', 'Proyecto', 'Título', 'Projectnaam', 'Naam', 'Titel'],
    programmeId: ['Programme', 'Program', 'Programme name', 'Programme code', 'Portfolio', 'Parent programme', 'Sub-portfolio', 'Programmname', 'Nom du programme', 'Portefeuille', 'Programa', 'Cartera', 'Programma'],
    stage: ['Stage', 'Status', 'Phase', 'Lifecycle', 'Lifecycle stage', 'Project status', 'Project stage', 'Project phase', 'State', 'Gate', 'Current stage', 'Projektphase', 'Projektstatus', 'Stufe', 'Statut', 'Statut du projet', 'État', 'Étape', 'Phase du projet', 'Estado', 'Estado del proyecto', 'Fase', 'Etapa', 'Fase del proyecto', 'Projectfase', 'Projectstatus'],
    'rag.overall': ['RAG', 'Overall RAG', 'Status RAG', 'Health', 'RAG status', 'Overall status', 'Overall health', 'Project health', 'Overall', 'Traffic light', 'RAG rating', 'Delivery confidence', 'DCA', 'Status colour', 'Ampel', 'Ampelstatus', 'Ampelfarbe', 'Gesamtampel', 'Gesamtstatus', 'Projektampel', 'Météo', 'Météo projet', 'Météo du projet', 'Statut global', 'Santé', 'Santé du projet', 'Feu', 'Indicateur', 'Semáforo', 'Estado general', 'Salud', 'Salud del proyecto', 'Stoplicht', 'Verkeerslicht', 'Algemene status', 'RAG-status'],
    'rag.schedule': ['Schedule RAG', 'Schedule', 'Schedule status', 'Schedule health', 'Time RAG', 'Timeline RAG', 'Timescales RAG', 'Time', 'Ampel Termine', 'Ampel Zeit', 'Terminampel', 'Zeitplan', 'Météo planning', 'Météo délais', 'Délais', 'Semáforo plazo', 'Plazo', 'Cronograma', 'Planning status', 'Tijdsplanning'],
    'rag.cost': ['Cost RAG', 'Budget RAG', 'Financial RAG', 'Finance RAG', 'Cost status', 'Cost health', 'Budget status', 'Financials RAG', 'Ampel Kosten', 'Kostenampel', 'Ampel Budget', 'Météo coûts', 'Météo budget', 'Semáforo coste', 'Semáforo costo', 'Semáforo presupuesto', 'Kostenstatus', 'Budgetstatus'],
    'rag.scope': ['Scope RAG', 'Scope', 'Scope status', 'Scope health', 'Quality RAG', 'Benefits RAG', 'Ampel Umfang', 'Ampel Qualität', 'Météo périmètre', 'Semáforo alcance', 'Alcance', 'Scopestatus'],
    'rag.resources': ['Resource RAG', 'Resources RAG', 'Resourcing RAG', 'People RAG', 'Resources', 'Resourcing', 'Resource status', 'Resource health', 'Ampel Ressourcen', 'Ressourcenampel', 'Météo ressources', 'Semáforo recursos', 'Resourcestatus', 'Capaciteitstatus'],
    priority: ['Priority', 'Prio', 'Rank', 'Ranking', 'Priority rank', 'Priority ranking', 'Tier', 'Importance', 'Priorität', 'Rang', 'Priorité', 'Prioridad', 'Prioriteit'],
    manager: ['Project manager', 'PM', 'Manager', 'Owner', 'Project owner', 'Delivery lead', 'Delivery manager', 'Project lead', 'Lead', 'Responsible', 'Programme manager', 'Projektleiter', 'Projektleiterin', 'Projektleitung', 'Projektmanager', 'Verantwortlich', 'Verantwortlicher', 'Chef de projet', 'Cheffe de projet', 'Responsable', 'Responsable projet', 'Responsable du projet', 'Jefe de proyecto', 'Jefa de proyecto', 'Director del proyecto', 'Gerente de proyecto', 'Projectleider', 'Projectmanager', 'Verantwoordelijke'],
    sponsor: ['Sponsor', 'Exec sponsor', 'Executive sponsor', 'Project sponsor', 'SRO', 'Senior responsible owner', 'Senior responsible officer', 'Business owner', 'Business sponsor', 'Accountable executive', 'Auftraggeber', 'Auftraggeberin', 'Projektsponsor', 'Commanditaire', 'Donneur d\'ordre', 'Patrocinador', 'Promotor', 'Opdrachtgever'],
    businessUnit: ['Business unit', 'BU', 'Department', 'Division', 'Function', 'Business area', 'Directorate', 'Business', 'Org unit', 'Organisation', 'Region', 'Abteilung', 'Bereich', 'Geschäftsbereich', 'Organisationseinheit', 'Département', 'Direction', 'Entité', 'Departamento', 'Área', 'Unidad de negocio', 'Afdeling', 'Bedrijfsonderdeel', 'Divisie'],
    objectiveIds: ['Objective', 'Objectives', 'Strategic objective', 'Strategic objectives', 'Strategic theme', 'Strategic themes', 'Theme', 'Strategic goal', 'Goal', 'Goals', 'Strategic alignment', 'Strategic pillar', 'Pillar', 'OKR', 'Ziel', 'Ziele', 'Strategisches Ziel', 'Strategische Ziele', 'Objectif', 'Objectifs', 'Objectif stratégique', 'Objetivo', 'Objetivos', 'Objetivo estratégico', 'Doel', 'Doelen', 'Doelstelling', 'Doelstellingen'],
    start: ['Start', 'Start date', 'Kick-off', 'Kick-off date', 'Kickoff', 'Begin', 'Begin date', 'Forecast start', 'Current start', 'Commencement', 'Commencement date', 'Project start', 'From', 'Beginn', 'Startdatum', 'Beginndatum', 'Anfang', 'Projektstart', 'Projektbeginn', 'Début', 'Date de début', 'Démarrage', 'Date de démarrage', 'Inicio', 'Fecha de inicio', 'Fecha inicio', 'Comienzo', 'Begindatum', 'Aanvang', 'Startdatum project'],
    finish: ['Finish', 'Finish date', 'End', 'End date', 'Go-live', 'Go live', 'Go-live date', 'Due', 'Due date', 'Completion', 'Completion date', 'Delivery date', 'Forecast end', 'Forecast end date', 'Forecast finish', 'Forecast completion', 'Target date', 'Target end', 'Target completion', 'Project end', 'Current end', 'Launch date', 'Deadline', 'Close date', 'To', 'Ende', 'Enddatum', 'Endtermin', 'Projektende', 'Fertigstellung', 'Fertigstellungstermin', 'Fin', 'Date de fin', 'Échéance', 'Date d\'échéance', 'Date de livraison', 'Fecha de fin', 'Fecha fin', 'Fecha de finalización', 'Finalización', 'Fecha de entrega', 'Einde', 'Einddatum', 'Opleverdatum', 'Opleverdatum project'],
    baselineStart: ['Baseline start', 'Baseline start date', 'BL start', 'Original start', 'Original start date', 'Planned start', 'Planned start date', 'Approved start', 'Plan start', 'Geplanter Beginn', 'Plan-Beginn', 'Planbeginn', 'Geplanter Start', 'Début prévu', 'Date de début prévue', 'Inicio previsto', 'Inicio planificado', 'Geplande start', 'Geplande startdatum'],
    baselineFinish: ['Baseline end', 'Baseline finish', 'Baseline end date', 'Baseline go-live', 'BL end', 'BL finish', 'Original end date', 'Original end', 'Original finish', 'Original go-live', 'Planned end', 'Planned end date', 'Planned finish', 'Approved end', 'Plan end', 'Baseline completion', 'Geplantes Ende', 'Plan-Ende', 'Planende', 'Geplanter Abschluss', 'Fin prévue', 'Date de fin prévue', 'Fin prevista', 'Fin planificada', 'Gepland einde', 'Geplande einddatum'],
    actualStart: ['Actual start', 'Actual start date', 'Started', 'Date started', 'Started on', 'Ist-Beginn', 'Tatsächlicher Beginn', 'Ist-Start', 'Début réel', 'Date de début réelle', 'Inicio real', 'Fecha de inicio real', 'Werkelijke start', 'Werkelijke startdatum'],
    actualFinish: ['Actual end', 'Actual end date', 'Actual finish', 'Actual finish date', 'Actual go-live', 'Actual completion', 'Completed', 'Completed on', 'Date completed', 'Closed', 'Closed on', 'Closure date', 'Ist-Ende', 'Tatsächliches Ende', 'Abgeschlossen am', 'Fin réelle', 'Date de fin réelle', 'Fin real', 'Fecha de fin real', 'Werkelijk einde', 'Werkelijke einddatum'],
    percentComplete: ['% complete', 'Percent complete', 'Percentage complete', 'Progress', 'Progress %', '% done', 'Done %', 'Complete', 'Completion %', '% progress', 'Pct complete', 'Fortschritt', 'Fertigstellungsgrad', 'Fortschritt %', '% erledigt', 'Avancement', '% avancement', '% d\'avancement', 'Avance', '% completado', '% avance', 'Progreso', 'Voortgang', '% gereed', '% voltooid'],
    budget: ['Budget', 'Approved budget', 'Budget (£k)', 'Total budget', 'Budget approved', 'Capex', 'Capex budget', 'Funding', 'Approved funding', 'Sanctioned budget', 'Budgeted cost', 'Planned cost', 'BAC', 'Budget at completion', 'Cost', 'Total cost', 'Project cost', 'Investment value', 'Genehmigtes Budget', 'Gesamtbudget', 'Plankosten', 'Budget approuvé', 'Budget total', 'Presupuesto', 'Presupuesto aprobado', 'Presupuesto total', 'Begroting', 'Goedgekeurd budget', 'Totaal budget'],
    forecastCost: ['Forecast', 'Forecast cost', 'EAC', 'Forecast at completion', 'Estimate at completion', 'Estimated cost at completion', 'FAC', 'Forecast spend', 'Forecast outturn', 'Outturn', 'Projected cost', 'Estimated cost', 'Latest estimate', 'Forecast total', 'Full year forecast', 'Prognose', 'Prognosekosten', 'Kostenprognose', 'Hochrechnung', 'Prévision', 'Coût prévisionnel', 'Atterrissage', 'Previsión', 'Coste previsto', 'Costo previsto', 'Pronóstico', 'Verwachte kosten', 'Prognose kosten'],
    actualCost: ['Actual cost', 'Actuals', 'Actual', 'Spend', 'Actual spend', 'Spent', 'Spent to date', 'Spend to date', 'Cost to date', 'Actuals to date', 'ITD actuals', 'Expenditure', 'Incurred', 'Costs incurred', 'Ist-Kosten', 'Istkosten', 'Ist', 'Tatsächliche Kosten', 'Coût réel', 'Dépenses', 'Réalisé', 'Coste real', 'Costo real', 'Gasto', 'Gastos', 'Gasto real', 'Werkelijke kosten', 'Uitgaven', 'Realisatie'],
    statusNarrative: ['Commentary', 'Status comment', 'Status comments', 'Status commentary', 'Update', 'Status update', 'Latest update', 'Progress update', 'Comments', 'Comment', 'Narrative', 'Status narrative', 'Notes', 'Key messages', 'Summary', 'Executive summary', 'Remarks', 'Kommentar', 'Statuskommentar', 'Bemerkung', 'Bemerkungen', 'Anmerkungen', 'Statusbericht', 'Commentaire', 'Commentaires', 'Remarques', 'Observations', 'Comentario', 'Comentarios', 'Observaciones', 'Opmerking', 'Opmerkingen', 'Toelichting', 'Commentaar'],
    description: ['Description', 'Details', 'Project description', 'Overview', 'Purpose', 'Background', 'Desc', 'Scope description', 'Project summary', 'Beschreibung', 'Projektbeschreibung', 'Description du projet', 'Descripción', 'Descripción del proyecto', 'Beschrijving', 'Omschrijving'],
    tags: ['Tags', 'Tag', 'Labels', 'Label', 'Keywords', 'Categories', 'Category', 'Schlagwörter', 'Stichwörter', 'Étiquettes', 'Mots-clés', 'Etiquetas', 'Palabras clave', 'Trefwoorden'],
    archived: ['Archived', 'Is archived', 'Archive', 'Inactive', 'Archiviert', 'Archivé', 'Archivado', 'Gearchiveerd'],
  },
  milestone: {
    id: ['ID', 'Record ID', 'Internal ID', 'UUID', 'GUID'],
    version: ['Version', 'Row version', 'Revision'],
    projectId: ['Project', 'Project code', 'Project name', 'Project ID', 'Proj #', 'Project #', 'Proj', 'Project ref', 'Initiative', 'Parent project', 'Projekt', 'Projektnummer', 'Projet', 'Code projet', 'Proyecto', 'Código del proyecto', 'Projectcode'],
    name: ['Milestone', 'Milestone name', 'Milestone title', 'Name', 'Title', 'Deliverable', 'Key milestone', 'Event', 'Checkpoint', 'Gate', 'Key deliverable', 'Meilenstein', 'Meilensteinname', 'Bezeichnung', 'Jalon', 'Nom du jalon', 'Hito', 'Nombre del hito', 'Mijlpaal', 'Naam mijlpaal'],
    baselineDate: ['Baseline', 'Baseline date', 'BL date', 'Original date', 'Original due date', 'Original target', 'Original target date', 'Planned date', 'Plan date', 'Baselined date', 'Approved date', 'Plandatum', 'Geplantes Datum', 'Basisdatum', 'Date prévue', 'Date initiale', 'Fecha prevista', 'Fecha planificada', 'Fecha base', 'Geplande datum', 'Oorspronkelijke datum'],
    forecastDate: ['Forecast', 'Forecast date', 'Due', 'Due date', 'Target date', 'Target', 'Date', 'Milestone date', 'Expected date', 'Estimated date', 'Revised date', 'Current date', 'Forecast completion', 'Deadline', 'Latest forecast', 'Termin', 'Datum', 'Fälligkeit', 'Prognosedatum', 'Échéance', 'Date prévisionnelle', 'Fecha', 'Fecha objetivo', 'Fecha estimada', 'Streefdatum', 'Verwachte datum'],
    actualDate: ['Actual', 'Actual date', 'Completed', 'Completed date', 'Completion date', 'Date completed', 'Achieved', 'Achieved date', 'Date achieved', 'Done date', 'Delivered', 'Delivered date', 'Actual completion', 'Ist-Datum', 'Erreicht', 'Erreicht am', 'Date réelle', 'Atteint le', 'Fecha real', 'Alcanzado', 'Werkelijke datum', 'Behaald', 'Behaald op'],
    description: ['Description', 'Details', 'Notes', 'Comments', 'Comment', 'Commentary', 'Desc', 'Beschreibung', 'Bemerkung', 'Kommentar', 'Commentaire', 'Descripción', 'Comentario', 'Omschrijving', 'Opmerking'],
  },
  resource: {
    id: ['ID', 'Record ID', 'Internal ID', 'UUID', 'GUID'],
    version: ['Version', 'Row version', 'Revision'],
    name: ['Name', 'Person', 'Resource', 'Resource name', 'Employee', 'Employee name', 'Staff', 'Staff name', 'Full name', 'Team member', 'Member', 'Consultant', 'Who', 'Mitarbeiter', 'Mitarbeiterin', 'Mitarbeitername', 'Ressource', 'Collaborateur', 'Nom', 'Nom complet', 'Nombre', 'Empleado', 'Recurso', 'Nombre completo', 'Naam', 'Medewerker', 'Volledige naam'],
    roleId: ['Role', 'Job title', 'Job role', 'Position', 'Skill', 'Primary skill', 'Skill set', 'Title', 'Discipline', 'Profession', 'Resource type', 'Rolle', 'Stelle', 'Rôle', 'Poste', 'Fonction', 'Rol', 'Puesto', 'Cargo', 'Functie'],
    team: ['Team', 'Department', 'Squad', 'Group', 'Unit', 'Business unit', 'Function', 'Practice', 'Team name', 'Tribe', 'Abteilung', 'Équipe', 'Service', 'Equipo', 'Departamento', 'Afdeling'],
    email: ['Email', 'E-mail', 'Email address', 'E-mail address', 'Mail', 'Work email', 'E-Mail-Adresse', 'Courriel', 'Adresse e-mail', 'Correo', 'Correo electrónico', 'E-mailadres'],
    capacityHoursPerWeek: ['Capacity', 'Hours per week', 'Weekly hours', 'Contracted hours', 'Availability', 'Capacity hours', 'Hours/week', 'Hrs/wk', 'Hours', 'Standard hours', 'Working hours', 'Weekly capacity', 'Available hours', 'Wochenstunden', 'Stunden pro Woche', 'Kapazität', 'Sollstunden', 'Heures par semaine', 'Capacité', 'Horas semanales', 'Horas por semana', 'Capacidad', 'Uren per week', 'Capaciteit'],
    fte: ['FTE', 'Full time equivalent', 'Full-time equivalent', 'FTE %', 'Working pattern %', 'Part time %', 'VZÄ', 'Vollzeitäquivalent', 'ETP', 'Équivalent temps plein', 'Jornada %', 'Equivalente a tiempo completo'],
    start: ['Start', 'Start date', 'Joined', 'Join date', 'Joining date', 'Hire date', 'Available from', 'From', 'Contract start', 'Onboarded', 'Beginn', 'Eintritt', 'Eintrittsdatum', 'Début', 'Date d\'arrivée', 'Inicio', 'Fecha de alta', 'Begindatum', 'Startdatum', 'Datum in dienst'],
    end: ['End', 'End date', 'Leaving date', 'Leave date', 'Left', 'Available to', 'Available until', 'Until', 'To', 'Contract end', 'Contract end date', 'Termination date', 'Roll-off date', 'Ende', 'Austritt', 'Austrittsdatum', 'Fin', 'Date de départ', 'Fecha de baja', 'Einde', 'Einddatum', 'Datum uit dienst'],
  },
  allocation: {
    id: ['ID', 'Record ID', 'Internal ID', 'UUID', 'GUID'],
    version: ['Version', 'Row version', 'Revision'],
    projectId: ['Project', 'Project code', 'Project name', 'Project ID', 'Proj #', 'Project #', 'Proj', 'Initiative', 'Engagement', 'Assignment', 'Projekt', 'Projet', 'Proyecto'],
    resourceId: ['Person', 'Resource', 'Name', 'Employee', 'Resource name', 'Person name', 'Staff', 'Team member', 'Assignee', 'Assigned to', 'Who', 'Consultant', 'Mitarbeiter', 'Mitarbeiterin', 'Ressource', 'Collaborateur', 'Recurso', 'Empleado', 'Medewerker'],
    roleId: ['Role', 'Skill', 'Job title', 'Position', 'Role required', 'Resource type', 'Resource role', 'Rolle', 'Rôle', 'Rol', 'Functie'],
    start: ['Start', 'Start date', 'From', 'Begin', 'Allocation start', 'Beginn', 'Startdatum', 'Début', 'Date de début', 'Inicio', 'Fecha de inicio', 'Begindatum'],
    end: ['End', 'End date', 'To', 'Until', 'Finish', 'Allocation end', 'Ende', 'Enddatum', 'Fin', 'Date de fin', 'Fecha de fin', 'Einde', 'Einddatum'],
    period: ['Week', 'Month', 'Period', 'Week commencing', 'w/c', 'Week starting', 'Week beginning', 'Week start', 'Week of', 'Month start', 'Wk', 'Date', 'Booking date', 'Woche', 'Monat', 'Kalenderwoche', 'KW', 'Semaine', 'Mois', 'Semana', 'Mes', 'Maand'],
    amount: ['Hours', 'Hours per week', 'Allocation', 'Effort', 'Effort hours', 'Hours allocated', 'Allocated hours', 'Planned hours', 'Booked hours', 'Demand', 'Demand hours', 'Hrs', 'Allocation hours', 'Stunden', 'Stunden pro Woche', 'Aufwand', 'Heures', 'Heures par semaine', 'Charge', 'Horas', 'Horas por semana', 'Esfuerzo', 'Uren', 'Uren per week'],
    fte: ['FTE', '%', 'Allocation %', 'Percent', 'Percentage', '% allocated', '% allocation', 'FTE %', 'Utilisation %', 'Share', 'Anteil %', 'Auslastung %', 'Taux %', '% d\'affectation', 'Dedicación %', '% dedicación', 'Inzet %'],
    tentative: ['Tentative', 'Provisional', 'Soft', 'Soft booking', 'Pencilled', 'Pencilled in', 'Unconfirmed', 'Vorläufig', 'Provisoire', 'Voorlopig'],
    note: ['Note', 'Notes', 'Comment', 'Comments', 'Remarks', 'Description', 'Bemerkung', 'Kommentar', 'Commentaire', 'Remarque', 'Comentario', 'Nota', 'Opmerking'],
  },
  raid: {
    id: ['Record ID', 'Internal ID', 'UUID', 'GUID'],
    version: ['Version', 'Row version', 'Revision'],
    kind: ['Type', 'Category', 'RAID type', 'RAID category', 'Kind', 'Item type', 'Log type', 'RAID', 'Typ', 'Art', 'Kategorie', 'Catégorie', 'Tipo', 'Categoría', 'Soort'],
    code: ['Ref', 'ID', 'Risk ID', 'Issue ID', 'RAID ID', 'Reference', 'Ref #', 'Ref no.', 'Item ID', 'Risk no.', 'Risk ref', 'Issue ref', 'Log ID', 'Number', 'Key', 'Nr.', 'Nummer', 'Referenz', 'N°', 'Numéro', 'Référence', 'Número', 'Referencia', 'Referentie'],
    title: ['Title', 'Risk', 'Issue', 'Risk title', 'Issue title', 'Summary', 'Name', 'Risk name', 'Headline', 'Item', 'Subject', 'Short description', 'Description', 'Titel', 'Bezeichnung', 'Risiko', 'Titre', 'Intitulé', 'Risque', 'Título', 'Riesgo', 'Risico'],
    projectId: ['Project', 'Project code', 'Project name', 'Project ID', 'Proj #', 'Project #', 'Proj', 'Initiative', 'Projekt', 'Projet', 'Proyecto'],
    description: ['Description', 'Details', 'Detail', 'Risk description', 'Issue description', 'Full description', 'Cause', 'Cause and effect', 'Narrative', 'Desc', 'Beschreibung', 'Descripción', 'Beschrijving', 'Omschrijving'],
    owner: ['Owner', 'Action owner', 'Risk owner', 'Issue owner', 'Assigned to', 'Assignee', 'Responsible', 'Accountable', 'Who', 'Verantwortlich', 'Verantwortlicher', 'Eigentümer', 'Responsable', 'Propriétaire', 'Propietario', 'Eigenaar', 'Verantwoordelijke'],
    raisedDate: ['Raised', 'Date raised', 'Raised date', 'Raised on', 'Logged', 'Date logged', 'Logged on', 'Identified', 'Date identified', 'Opened', 'Date opened', 'Created', 'Created date', 'Erfasst am', 'Erfassungsdatum', 'Date de création', 'Date d\'identification', 'Fecha de alta', 'Fecha de identificación', 'Datum gemeld', 'Gemeld op'],
    dueDate: ['Due', 'Due date', 'Target date', 'Target resolution date', 'Review date', 'Next review', 'Next review date', 'Target', 'Deadline', 'By when', 'Resolution date', 'Fällig', 'Fällig am', 'Fälligkeit', 'Fälligkeitsdatum', 'Échéance', 'Date limite', 'Fecha límite', 'Vencimiento', 'Vervaldatum', 'Streefdatum'],
    closedDate: ['Closed', 'Date closed', 'Closed date', 'Closed on', 'Closure date', 'Resolved', 'Date resolved', 'Resolved date', 'Geschlossen am', 'Erledigt am', 'Date de clôture', 'Fecha de cierre', 'Datum gesloten', 'Gesloten op'],
    status: ['Status', 'State', 'Open/closed', 'Risk status', 'Issue status', 'Item status', 'Statut', 'Estado', 'Stand'],
    probability: ['Probability', 'Likelihood', 'P', 'Prob', 'Likelihood score', 'Probability score', 'L', 'Wahrscheinlichkeit', 'Eintrittswahrscheinlichkeit', 'Probabilité', 'Probabilidad', 'Kans', 'Waarschijnlijkheid'],
    impact: ['Impact', 'Severity', 'I', 'Impact score', 'Consequence', 'Impact rating', 'Auswirkung', 'Schadensausmaß', 'Tragweite', 'Gravité', 'Impacto', 'Gevolg'],
    response: ['Mitigation', 'Response', 'Action', 'Actions', 'Mitigating actions', 'Mitigation plan', 'Mitigation actions', 'Response plan', 'Next steps', 'Resolution', 'Treatment', 'Countermeasures', 'Contingency', 'Maßnahme', 'Maßnahmen', 'Massnahmen', 'Gegenmaßnahme', 'Plan d\'action', 'Atténuation', 'Mesures', 'Mitigación', 'Acción', 'Acciones', 'Plan de acción', 'Maatregel', 'Maatregelen', 'Beheersmaatregel'],
  },
};

// Status reports (a monthly status log): the project's RAG and narrative words, plus what a log
// calls its month, report date and sections. "Status" alone is the RAG in a status log.
const STATUS_SYNONYMS: Record<string, string[]> = {
  id: ['ID', 'Record ID', 'Internal ID', 'UUID', 'GUID'],
  version: ['Version', 'Row version', 'Revision'],
  projectId: ['Project', 'Project code', 'Project name', 'Project ID', 'Proj #', 'Project #', 'Proj', 'Project ref', 'Initiative', 'Projekt', 'Projektname', 'Projektnummer', 'Projet', 'Nom du projet', 'Code projet', 'Proyecto', 'Nombre del proyecto', 'Código del proyecto', 'Projectnaam', 'Projectnummer'],
  period: ['Month', 'Period', 'Reporting period', 'Report period', 'Reporting month', 'Report month', 'Status month', 'Month ending', 'Period ending', 'Month of', 'Date', 'Status date', 'As at', 'As of', 'Monat', 'Berichtsmonat', 'Berichtszeitraum', 'Zeitraum', 'Stichtag', 'Datum', 'Mois', 'Période', 'Mois du rapport', 'Mes', 'Periodo', 'Período', 'Fecha', 'Maand', 'Periode', 'Rapportageperiode', 'Rapportagemaand'],
  reportedOn: ['Reported on', 'Report date', 'Date reported', 'Reported', 'Submitted', 'Submitted on', 'Date submitted', 'Submission date', 'Last updated', 'Updated on', 'Berichtsdatum', 'Gemeldet am', 'Erstellt am', 'Date du rapport', 'Date de soumission', 'Fecha del informe', 'Fecha de envío', 'Rapportagedatum', 'Ingediend op'],
  'rag.overall': [...RECORD_SYNONYMS.project['rag.overall']!, 'Status', 'Project status', 'RAG this month', 'Statut', 'Estado', 'Projektstatus'],
  // Beside an overall RAG, a dimension's plain name is its RAG ("Cost", "Budget", "People").
  'rag.schedule': [...RECORD_SYNONYMS.project['rag.schedule']!, 'Timeline', 'Timescales', 'Termine', 'Planning', 'Calendrier'],
  'rag.cost': [...RECORD_SYNONYMS.project['rag.cost']!, 'Cost', 'Costs', 'Budget', 'Finance', 'Financials', 'Financial', 'Kosten', 'Coûts', 'Coste', 'Costo', 'Presupuesto'],
  'rag.scope': [...RECORD_SYNONYMS.project['rag.scope']!, 'Quality', 'Benefits', 'Umfang', 'Qualität', 'Périmètre', 'Qualité', 'Calidad', 'Kwaliteit', 'Reikwijdte'],
  'rag.resources': [...RECORD_SYNONYMS.project['rag.resources']!, 'People', 'Staffing', 'Team', 'Ressourcen', 'Personal', 'Ressources', 'Recursos', 'Middelen', 'Capaciteit'],
  narrative: [...RECORD_SYNONYMS.project['statusNarrative']!, 'Status report', 'Highlight report', 'Report', 'Bericht', 'Rapport', 'Informe', 'Verslag'],
  achievements: ['Achievements', 'Key achievements', 'Achieved', 'Accomplishments', 'Progress this period', 'Progress this month', 'Completed this period', 'Completed this month', 'Done this month', 'Highlights', 'Wins', 'Erreicht', 'Erfolge', 'Ergebnisse', 'Erledigt', 'Réalisations', 'Faits marquants', 'Logros', 'Hitos alcanzados', 'Resultaten', 'Behaalde resultaten', 'Bereikt'],
  nextSteps: ['Next steps', 'Next period', 'Next month', 'Planned next period', 'Plans for next period', 'Plan for next month', 'Look ahead', 'Coming up', 'Upcoming', 'Planned activities', 'Nächste Schritte', 'Ausblick', 'Prochaines étapes', 'Perspectives', 'Próximos pasos', 'Siguientes pasos', 'Volgende stappen', 'Vooruitblik'],
  decisionsNeeded: ['Decisions needed', 'Decisions required', 'Decision required', 'Decisions', 'Asks', 'Escalations', 'Support needed', 'Help needed', 'Entscheidungsbedarf', 'Entscheidungen', 'Eskalationen', 'Décisions requises', 'Décisions attendues', 'Arbitrages', 'Decisiones necesarias', 'Decisiones requeridas', 'Besluiten nodig', 'Benodigde besluiten', 'Escalaties'],
};

export const HEADER_SYNONYMS: Record<ImportKind, Record<string, string[]>> = { ...RECORD_SYNONYMS, status: STATUS_SYNONYMS };

/**
 * Words that begin German and Dutch compounds ("Projektleiter", "Projectnaam", "Gesamtstatus",
 * "Kostenampel"): the header normaliser splits them off, so a compound matches as two words.
 */
export const HEADER_COMPOUND_HEADS: readonly string[] = ['projekt', 'project', 'status', 'budget', 'scope', 'resource', 'ressourcen', 'kosten', 'termin', 'gesamt', 'ampel', 'meilenstein', 'mitarbeiter'];

// ---------------------------------------------------------------------------------------------
// Value synonyms: for each field with a fixed set of values, the words people write for each of
// our values (the option values and labels themselves match without being listed here). Keys
// are compared by valueKey: case, accents, spaces and punctuation do not count ("In Flight" =
// "in-flight" = "INFLIGHT", "Grün" = "grun"). A word may appear under one value only.

export type ValueVocabulary = 'stage' | 'priority' | 'rag' | 'raidKind' | 'raidStatus' | 'allocationUnit' | 'yesNo';

export const VALUE_SYNONYMS: Record<ValueVocabulary, Record<string, readonly string[]>> = {
  stage: {
    idea: ['Concept', 'Draft', 'Initial idea', 'Request', 'Demand', 'Backlog', 'Idee', 'Entwurf', 'Konzept', 'Idée', 'Brouillon', 'Demande', 'Borrador', 'Concepto', 'Solicitud'],
    proposed: ['Pipeline', 'Proposal', 'Submitted', 'Business case', 'Awaiting approval', 'Pending approval', 'For approval', 'Under review', 'Vorschlag', 'Vorgeschlagen', 'Beantragt', 'Eingereicht', 'In Prüfung', 'Proposé', 'Proposition', 'Soumis', 'En attente de validation', 'Propuesto', 'Propuesta', 'Presentado', 'Pendiente de aprobación', 'Voorgesteld', 'Voorstel', 'Ingediend', 'Ter goedkeuring'],
    approved: ['Not started', 'Authorised', 'Authorized', 'Sanctioned', 'Funded', 'Ready to start', 'Green-lit', 'Genehmigt', 'Freigegeben', 'Beauftragt', 'Nicht begonnen', 'Approuvé', 'Validé', 'Autorisé', 'Non démarré', 'Aprobado', 'Autorizado', 'No iniciado', 'Goedgekeurd', 'Niet gestart'],
    'in-progress': ['In Flight', 'Active', 'Started', 'Underway', 'Under way', 'Delivery', 'In delivery', 'Execution', 'In execution', 'Live', 'Ongoing', 'WIP', 'Work in progress', 'Running', 'Open', 'Implementation', 'Mobilising', 'Mobilizing', 'In Bearbeitung', 'In Arbeit', 'In Umsetzung', 'Umsetzung', 'Laufend', 'Aktiv', 'Durchführung', 'In Durchführung', 'Gestartet', 'En cours', 'En cours de réalisation', 'Actif', 'Démarré', 'En réalisation', 'En curso', 'En progreso', 'En ejecución', 'Activo', 'Iniciado', 'Lopend', 'In uitvoering', 'Actief', 'Bezig', 'Gestart', 'Onderhanden'],
    'on-hold': ['Paused', 'Hold', 'Suspended', 'Deferred', 'Parked', 'Blocked', 'Pausiert', 'Angehalten', 'Zurückgestellt', 'Ruhend', 'En pause', 'Suspendu', 'En attente', 'Reporté', 'En pausa', 'Suspendido', 'En espera', 'Aplazado', 'Gepauzeerd', 'Opgeschort', 'Uitgesteld', 'In de wacht'],
    closed: ['Complete', 'Completed', 'Done', 'Finished', 'Delivered', 'Closed out', 'Closure', 'Benefits realisation', 'Abgeschlossen', 'Fertig', 'Erledigt', 'Beendet', 'Geliefert', 'Terminé', 'Clôturé', 'Fermé', 'Achevé', 'Livré', 'Clos', 'Cerrado', 'Terminado', 'Completado', 'Finalizado', 'Entregado', 'Afgerond', 'Gesloten', 'Voltooid', 'Klaar', 'Opgeleverd', 'Afgesloten'],
    cancelled: ['Canceled', 'Stopped', 'Abandoned', 'Terminated', 'Withdrawn', 'Rejected', 'Killed', 'Abgebrochen', 'Storniert', 'Eingestellt', 'Abgelehnt', 'Gestoppt', 'Annulé', 'Abandonné', 'Arrêté', 'Rejeté', 'Cancelado', 'Anulado', 'Abandonado', 'Rechazado', 'Geannuleerd', 'Gestopt', 'Afgebroken', 'Afgewezen'],
  },
  priority: {
    critical: ['P1', '1', 'P0', 'Urgent', 'Highest', 'Very high', 'Must', 'Must have', 'Top', 'Kritisch', 'Sehr hoch', 'Dringend', 'Critique', 'Très haute', 'Très élevée', 'Crítica', 'Crítico', 'Muy alta', 'Urgente', 'Kritiek', 'Zeer hoog', 'Hoogste'],
    high: ['P2', '2', 'Hi', 'Should', 'Should have', 'Hoch', 'Haute', 'Élevée', 'Haut', 'Alta', 'Alto', 'Hoog'],
    medium: ['P3', '3', 'Med', 'Mid', 'Moderate', 'Normal', 'Could', 'Could have', 'Mittel', 'Moyenne', 'Moyen', 'Modérée', 'Media', 'Medio', 'Gemiddeld', 'Middel', 'Normaal'],
    low: ['P4', '4', 'P5', '5', 'Lo', 'Lowest', 'Very low', 'Minor', 'Niedrig', 'Gering', 'Basse', 'Bas', 'Faible', 'Baja', 'Bajo', 'Laag'],
  },
  rag: {
    R: ['R', 'Red', 'Rd', 'Off track', 'Critical', 'Rot', 'Kritisch', 'Rouge', 'Rojo', 'Roja', 'Rood'],
    A: ['A', 'Amber', 'Y', 'Yellow', 'At risk', 'Ambar', 'Gelb', 'Orange', 'Gefährdet', 'Jaune', 'À risque', 'Ámbar', 'Amarillo', 'Amarilla', 'Naranja', 'En riesgo', 'Oranje', 'Geel'],
    G: ['G', 'Green', 'Gr', 'On track', 'Good', 'OK', 'Grün', 'Im Plan', 'Vert', 'Verte', 'Dans les temps', 'Verde', 'En plazo', 'Groen', 'Op schema'],
  },
  raidKind: {
    risk: ['R', 'Risks', 'Threat', 'Risiko', 'Risiken', 'Risque', 'Risques', 'Riesgo', 'Riesgos', 'Risico', "Risico's"],
    assumption: ['A', 'Assumptions', 'Annahme', 'Annahmen', 'Hypothèse', 'Hypothèses', 'Supuesto', 'Supuestos', 'Suposición', 'Aanname', 'Aannames', 'Veronderstelling'],
    issue: ['I', 'Issues', 'Problem', 'Probleme', 'Problème', 'Problèmes', 'Incident', 'Problema', 'Problemas', 'Incidencia', 'Probleem', 'Knelpunt', 'Knelpunten'],
    dependency: ['D', 'Dep', 'Dependencies', 'Abhängigkeit', 'Abhängigkeiten', 'Dépendance', 'Dépendances', 'Dependencia', 'Dependencias', 'Afhankelijkheid', 'Afhankelijkheden'],
  },
  raidStatus: {
    open: ['New', 'Raised', 'Active', 'Live', 'Identified', 'Offen', 'Neu', 'Aktiv', 'Ouvert', 'Ouverte', 'Nouveau', 'Actif', 'Abierto', 'Abierta', 'Nuevo', 'Activo', 'Nieuw', 'Actief'],
    'in-progress': ['Mitigating', 'Being mitigated', 'Under mitigation', 'Ongoing', 'Work in progress', 'WIP', 'In Bearbeitung', 'In Arbeit', 'En cours', 'En traitement', 'En curso', 'En progreso', 'En tratamiento', 'In behandeling', 'Lopend', 'Bezig'],
    closed: ['Resolved', 'Done', 'Mitigated', 'Complete', 'Completed', 'Retired', 'Accepted', 'Geschlossen', 'Erledigt', 'Gelöst', 'Fermé', 'Fermée', 'Clos', 'Clôturé', 'Résolu', 'Cerrado', 'Cerrada', 'Resuelto', 'Gesloten', 'Opgelost', 'Afgehandeld'],
  },
  // The unit of an allocation grid's cells (GridCellUnit in import.ts): what a grid's title or
  // header says its numbers are.
  allocationUnit: {
    'hours-per-week': ['Hours per week', 'Hours/week', 'h/wk', 'hrs/wk', 'Hours a week', 'Weekly hours', 'Stunden pro Woche', 'Std./Woche', 'Wochenstunden', 'Heures par semaine', 'h/semaine', 'Horas por semana', 'Horas semanales', 'Uren per week'],
    'hours-per-period': ['Hours', 'Hrs', 'h', 'Hours per month', 'Hours per period', 'Total hours', 'Stunden', 'Std.', 'Heures', 'Horas', 'Uren'],
    'days-per-period': ['Days', 'Day', 'd', 'Man days', 'Person days', 'Days per month', 'MD', 'PD', 'Tage', 'Personentage', 'PT', 'Jours', 'Jours-homme', 'JH', 'Días', 'Jornadas', 'Dagen', 'Mandagen'],
    'fte-percent': ['%', 'Percent', 'FTE %', '% FTE', '% of FTE', 'Percentage', 'Prozent', 'Pourcentage', 'Porcentaje', 'Procent'],
    fte: ['FTE', 'VZÄ', 'ETP', 'Full time equivalent'],
  },
  yesNo: {
    true: ['Yes', 'Y', 'True', '1', 'X', '✓', '✔', '☑', 'On', 'Ja', 'J', 'Wahr', 'Oui', 'Vrai', 'Sí', 'Si', 'Verdadero', 'Vero', 'Waar'],
    false: ['No', 'N', 'False', '0', '✗', '✘', '☐', 'Off', 'Nein', 'Falsch', 'Non', 'Faux', 'Falso', 'Nee', 'Onwaar'],
  },
};

/**
 * The key two words match by: NFKD with the accents dropped, lower case, "%" as "percent",
 * letters and digits only ("In Flight" = "in-flight", "Grün" = "grun", "Sí" = "si"). A word of
 * symbols only ("✓") is its own key.
 */
export function valueKey(text: string): string {
  const t = String(text).trim();
  const k = t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/%/g, 'percent')
    .replace(/[^\p{L}\p{N}]/gu, '');
  return k || t;
}

interface VocabularyIndex {
  byKey: Map<string, string>;
  /** Words listed under two values of one vocabulary (a defect; the test keeps it empty). */
  conflicts: { vocabulary: ValueVocabulary; word: string; values: [string, string] }[];
}

let index: Map<ValueVocabulary, VocabularyIndex> | null = null;

function indexes(): Map<ValueVocabulary, VocabularyIndex> {
  if (index) return index;
  index = new Map();
  for (const [vocab, targets] of Object.entries(VALUE_SYNONYMS) as [ValueVocabulary, Record<string, readonly string[]>][]) {
    const ix: VocabularyIndex = { byKey: new Map(), conflicts: [] };
    for (const [value, words] of Object.entries(targets)) {
      for (const w of words) {
        const k = valueKey(w);
        const had = ix.byKey.get(k);
        if (had !== undefined && had !== value) ix.conflicts.push({ vocabulary: vocab, word: w, values: [had, value] });
        else ix.byKey.set(k, value);
      }
    }
    index.set(vocab, ix);
  }
  return index;
}

/** Our value for a word of a vocabulary ("Genehmigt" → "approved", "grün" → "G"), or undefined. */
export function lookupValue(vocabulary: ValueVocabulary, text: string): string | undefined {
  return indexes().get(vocabulary)!.byKey.get(valueKey(text));
}

/** Words listed under two values of one vocabulary; empty (checked by the tests). */
export function vocabularyConflicts(): VocabularyIndex['conflicts'] {
  return [...indexes().values()].flatMap((ix) => ix.conflicts);
}

/**
 * The vocabulary of a field, from its key and column type: a RAG column reads RAG words, a
 * checkbox yes/no; stage, priority, a RAID item's type and status and an allocation's unit have
 * their own. Null for fields without one (a custom select matches its own options only).
 */
export function vocabularyOf(key: string, type: string, kind?: ImportKind): ValueVocabulary | null {
  if (type === 'rag') return 'rag';
  if (type === 'checkbox') return 'yesNo';
  if (key === 'stage' && kind !== 'raid') return 'stage';
  if (key === 'priority') return 'priority';
  if (key === 'kind' && (kind === undefined || kind === 'raid')) return 'raidKind';
  if (key === 'status' && (kind === undefined || kind === 'raid')) return 'raidStatus';
  if (key === 'unit' && (kind === undefined || kind === 'allocation')) return 'allocationUnit';
  return null;
}
