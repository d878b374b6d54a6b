/**
 * The user's own Word template (.docx or .dotx): its styles, and its header and footer with their
 * images, so a pre-diagnostic follows their institution's charter. Reading checks the file once and
 * keeps only what the Word writer needs; applying puts the header, footer and theme into a produced
 * .docx. The styles go through the docx library's `externalStyles` (report-docx.ts), so its table of
 * contents and page estimates see the template's headings.
 *
 * Decisions:
 * - Built-in styles are found by their `w:name` ("heading 1", "caption"), never by id: a French Word
 *   writes localized ids ("Titre1", "Lgende"). The template's ids are renamed to the English ids
 *   (Heading1, Caption…) that every Word and LibreOffice maps to "Titre 1", "Légende"…, and every
 *   reference to them (basedOn, next, link, pStyle in the header and footer) follows.
 * - Automatic numbering is removed from the heading styles: Bocage numbers its parts itself.
 * - Macros (.docm, .dotm) are ignored, never copied: only styles, header, footer and theme are read.
 * - The template's header replaces Bocage's logo-less one, followed by Bocage's running header (the
 *   mission's title and, for the demo, the fictitious-data notice must stay on every page). Its footer
 *   keeps Bocage's "Page n sur m" line after it unless it already shows the page number.
 * - The page size and margins stay Bocage's A4 portrait, whatever the template's.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

export interface TemplateRelationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A header or footer of the template, with the files (logos) its relationships point to. */
export interface TemplatePart {
  xml: string;
  relationships: readonly TemplateRelationship[];
  /** The bytes of each internal target, by the target as written in `relationships`. */
  files: Readonly<Record<string, Uint8Array<ArrayBuffer>>>;
  /** The content type of each internal target, from the template's [Content_Types].xml. */
  contentTypes: Readonly<Record<string, string>>;
  /** Whether it already prints the page number (a PAGE field). */
  showsPageNumber: boolean;
}

export interface DocxTemplate {
  fileName: string;
  /** The template's styles.xml, built-in styles under their English ids, headings unnumbered, in French. */
  styles: string;
  /** The style ids the template defines once renamed: Bocage only adds the styles it lacks. */
  styleIds: readonly string[];
  /** Hex colour of the template's "Titre 1", when dark enough to carry white table headers. */
  accentColour: string | null;
  /** The theme the template's styles refer to (theme fonts such as "Titres" and "Corps"). */
  theme: string | null;
  header: TemplatePart | null;
  footer: TemplatePart | null;
  /** To show the user: what of the template is not used. */
  warnings: readonly string[];
}

export type DocxTemplateReading = { ok: true; template: DocxTemplate } | { ok: false; message: string };

const RELATIONSHIP_TYPES = {
  officeDocument: '/officeDocument',
  styles: '/styles',
  theme: '/theme',
  header: '/header',
  footer: '/footer',
} as const;

const WORD_MAIN_CONTENT_TYPES = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'document',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml': 'template',
  'application/vnd.ms-word.document.macroEnabled.main+xml': 'macro-enabled',
  'application/vnd.ms-word.template.macroEnabledTemplate.main+xml': 'macro-enabled',
} as const;

/** Styles Bocage writes or that headers commonly use, by their built-in name (lower case). */
const BUILT_IN_STYLE_IDS: Record<string, string> = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  caption: 'Caption',
  quote: 'Quote',
  header: 'Header',
  footer: 'Footer',
  'toc heading': 'TOCHeading',
  'list paragraph': 'ListParagraph',
  'list bullet': 'ListBullet',
  hyperlink: 'Hyperlink',
  'table grid': 'TableGrid',
  'normal table': 'TableNormal',
  'default paragraph font': 'DefaultParagraphFont',
  ...Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`heading ${index + 1}`, `Heading${index + 1}`])),
  ...Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`toc ${index + 1}`, `TOC${index + 1}`])),
};

const HEADING_IDS = new Set(['Heading1', 'Heading2', 'Heading3']);

/** A template bigger than this is not a charter but a document: refused before decompressing. */
const MAX_TEMPLATE_CONTENT_BYTES = 64 * 1024 * 1024;

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04] as const;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Office writes a password-protected .docx as an OLE file holding an "EncryptedPackage" stream. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((character) => [character.charCodeAt(0), 0]);
  outer: for (let start = 0; start + needle.length <= bytes.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (bytes[start + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

function decodeXmlAttribute(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attributesOf(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((match) => [match[1] ?? '', decodeXmlAttribute(match[2] ?? '')]));
}

export function parseRelationships(xml: string): TemplateRelationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((match) => {
    const attributes = attributesOf(match[0]);
    return {
      id: attributes.Id ?? '',
      type: attributes.Type ?? '',
      target: attributes.Target ?? '',
      external: attributes.TargetMode === 'External',
    };
  });
}

/** The ZIP path of a relationship's target, relative to the folder of the part that holds it. */
export function resolvePartPath(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segments = sourcePart.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

export function relationshipsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

function ofType(relationships: readonly TemplateRelationship[], type: string): TemplateRelationship | undefined {
  return relationships.find((relationship) => relationship.type.endsWith(type) && !relationship.external);
}

interface ContentTypes {
  defaults: Record<string, string>;
  overrides: Record<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults: Record<string, string> = {};
  const overrides: Record<string, string> = {};
  for (const match of xml.matchAll(/<Default\b[^>]*>/g)) {
    const { Extension, ContentType } = attributesOf(match[0]);
    if (Extension && ContentType) defaults[Extension.toLowerCase()] = ContentType;
  }
  for (const match of xml.matchAll(/<Override\b[^>]*>/g)) {
    const { PartName, ContentType } = attributesOf(match[0]);
    if (PartName && ContentType) overrides[PartName.replace(/^\//, '')] = ContentType;
  }
  return { defaults, overrides };
}

function contentTypeOf(path: string, types: ContentTypes): string | undefined {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return types.overrides[path] ?? types.defaults[extension];
}

type ReadFailure = { ok: false; message: string };

function failure(message: string): ReadFailure {
  return { ok: false, message };
}

function unzipParts(bytes: Uint8Array, keep: (name: string) => boolean): Unzipped | 'too-large' | 'damaged' {
  let total = 0;
  let tooLarge = false;
  try {
    const entries = unzipSync(bytes, {
      filter(file) {
        if (!keep(file.name)) return false;
        // The declared sizes bound what is decompressed: fflate never writes past them.
        total += file.originalSize;
        tooLarge ||= total > MAX_TEMPLATE_CONTENT_BYTES;
        return !tooLarge;
      },
    });
    return tooLarge ? 'too-large' : entries;
  } catch {
    return 'damaged';
  }
}

/** Renames a template's built-in styles to their English ids, found by their names. */
function styleRenames(stylesXml: string): Map<string, string> {
  const styles = [...stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)].map((match) => ({
    id: attributesOf(match[1] ?? '')['w:styleId'] ?? '',
    name: (/<w:name w:val="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '').toLowerCase(),
  }));
  const taken = new Set(styles.map((style) => style.id));
  const renames = new Map<string, string>();
  for (const style of styles) {
    const builtInId = BUILT_IN_STYLE_IDS[style.name];
    if (builtInId === undefined || builtInId === style.id || taken.has(builtInId)) continue;
    renames.set(style.id, builtInId);
    taken.add(builtInId);
  }
  return renames;
}

function renameStyleReferences(xml: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return xml;
  const renamed = (id: string) => renames.get(decodeXmlAttribute(id)) ?? id;
  return xml
    .replace(/(w:styleId=")([^"]*)(")/g, (_, before: string, id: string, after: string) => `${before}${renamed(id)}${after}`)
    .replace(
      /(<w:(?:basedOn|next|link|pStyle|rStyle|tblStyle)\b[^>]*\bw:val=")([^"]*)(")/g,
      (_, before: string, id: string, after: string) => `${before}${renamed(id)}${after}`,
    );
}

interface NormalisedStyles {
  xml: string;
  ids: string[];
  numberedHeadings: boolean;
  accentColour: string | null;
}

function styleBlocks(xml: string): { id: string; block: string }[] {
  return [...xml.matchAll(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g)].map((match) => ({
    id: attributesOf(/<w:style\b[^>]*>/.exec(match[0])?.[0] ?? '')['w:styleId'] ?? '',
    block: match[0],
  }));
}

function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** White text on it must keep the 4.5:1 contrast of WCAG AA, or Bocage's green stays. */
function accentOf(headingBlock: string | undefined): string | null {
  const colour = headingBlock && /<w:color\b[^>]*\bw:val="([0-9A-Fa-f]{6})"/.exec(headingBlock)?.[1];
  if (!colour) return null;
  return 1.05 / (relativeLuminance(colour) + 0.05) >= 4.5 ? colour.toUpperCase() : null;
}

function normaliseStyles(stylesXml: string, renames: ReadonlyMap<string, string>): NormalisedStyles {
  let numberedHeadings = false;
  const renamed = renameStyleReferences(stylesXml, renames);
  const unnumbered = renamed.replace(/<w:style\b[^>]*>[\s\S]*?<\/w:style>/g, (block) => {
    const id = attributesOf(/<w:style\b[^>]*>/.exec(block)?.[0] ?? '')['w:styleId'] ?? '';
    if (!HEADING_IDS.has(id) || !/<w:numPr\b/.test(block)) return block;
    numberedHeadings = true;
    return block.replace(/<w:numPr\b[^>]*\/>|<w:numPr\b[^>]*>[\s\S]*?<\/w:numPr>/g, '');
  });
  // The document is French whatever language the template was made in: spelling and hyphenation follow it.
  const french = unnumbered.replace(/(<w:lang\b[^>]*\bw:val=")[^"]*(")/g, '$1fr-FR$2');
  const blocks = styleBlocks(french);
  return {
    xml: french,
    ids: blocks.map((style) => style.id),
    numberedHeadings,
    accentColour: accentOf(blocks.find((style) => style.id === 'Heading1')?.block),
  };
}

/** Office's and LibreOffice's empty header and footer parts hold an empty paragraph: nothing to keep. */
function hasVisibleContent(xml: string): boolean {
  return /<w:t(?:\s[^>]*)?>[^<]*\S|<w:drawing\b|<w:pict\b|<w:object\b|<w:fldSimple\b|<w:instrText\b/.test(xml);
}

function showsPageNumber(xml: string): boolean {
  const instructions = [
    ...[...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map((match) => match[1] ?? ''),
    ...[...xml.matchAll(/<w:fldSimple\b[^>]*\bw:instr="([^"]*)"/g)].map((match) => match[1] ?? ''),
  ];
  return instructions.some((instruction) => /(^|\s)PAGE\b/.test(instruction.trim()));
}

/** The default header or footer of the template's last section, as Word shows it on every page. */
function defaultPartTarget(documentXml: string, kind: 'header' | 'footer'): string | undefined {
  const sections = documentXml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
  const last = sections.at(-1) ?? '';
  const reference = [...last.matchAll(new RegExp(`<w:${kind}Reference\\b[^>]*>`, 'g'))]
    .map((match) => attributesOf(match[0]))
    .find((attributes) => attributes['w:type'] === 'default');
  return reference?.['r:id'];
}

interface PartCandidate {
  path: string;
  xml: string;
  relationships: TemplateRelationship[];
  internalTargets: { target: string; path: string }[];
}

function readPartCandidate(entries: Unzipped, path: string): PartCandidate | null {
  const bytes = entries[path];
  if (!bytes) return null;
  const xml = strFromU8(bytes);
  if (!hasVisibleContent(xml)) return null;
  const relationshipsBytes = entries[relationshipsPathOf(path)];
  const relationships = relationshipsBytes ? parseRelationships(strFromU8(relationshipsBytes)) : [];
  const internalTargets = relationships
    .filter((relationship) => !relationship.external)
    .map((relationship) => ({ target: relationship.target, path: resolvePartPath(path, relationship.target) }));
  return { path, xml, relationships, internalTargets };
}

const PART_LABELS = { header: 'L’en-tête', footer: 'Le pied de page' } as const;

/**
 * Reads a user's Word template (.docx, .dotx; .docm and .dotm without their macros). Refuses, in
 * French, what is not one: another kind of file, an old .doc, a protected or damaged file, a file
 * without styles.
 */
export function readDocxTemplate(bytes: Uint8Array, fileName: string): DocxTemplateReading {
  const named = `« ${fileName} »`;
  if (bytes.length === 0) return failure(`Le fichier ${named} est vide : choisissez un modèle Word (.docx ou .dotx).`);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return failure(
      containsUtf16(bytes, 'EncryptedPackage')
        ? `Le modèle ${named} est protégé par un mot de passe : Bocage ne peut pas le lire. Enregistrez-en une copie sans mot de passe dans Word, puis choisissez cette copie.`
        : `${named} est un document Word 97-2003 (.doc ou .dot). Ouvrez-le dans Word ou LibreOffice, enregistrez-le au format .docx ou .dotx, puis choisissez ce nouveau fichier.`,
    );
  }
  const notWord = failure(`${named} n’est pas un modèle Word : choisissez un fichier .docx ou .dotx créé avec Word ou LibreOffice.`);
  if (!startsWith(bytes, ZIP_SIGNATURE)) return notWord;

  const structure = unzipParts(bytes, (name) => /\.(xml|rels)$/i.test(name) || name === 'mimetype');
  if (structure === 'damaged') return failure(`Le fichier ${named} est endommagé : Bocage ne peut pas l’ouvrir. Ouvrez-le dans Word et enregistrez-le à nouveau.`);
  if (structure === 'too-large') return failure(`Le fichier ${named} est trop volumineux pour un modèle : choisissez un modèle sans contenu, avec seulement ses styles, son en-tête et son pied de page.`);
  const mimetype = structure.mimetype ? strFromU8(structure.mimetype) : '';
  if (mimetype.includes('opendocument')) {
    return failure(`${named} est un document OpenDocument (LibreOffice) : enregistrez-le au format Word (.docx ou .dotx) depuis LibreOffice, puis choisissez ce nouveau fichier.`);
  }
  const packageRelationships = structure['_rels/.rels'];
  const contentTypesBytes = structure['[Content_Types].xml'];
  if (!packageRelationships || !contentTypesBytes) return notWord;
  const contentTypes = parseContentTypes(strFromU8(contentTypesBytes));
  const main = ofType(parseRelationships(strFromU8(packageRelationships)), RELATIONSHIP_TYPES.officeDocument);
  const mainPath = main && resolvePartPath('', main.target);
  const mainKind = mainPath && WORD_MAIN_CONTENT_TYPES[contentTypeOf(mainPath, contentTypes) as keyof typeof WORD_MAIN_CONTENT_TYPES];
  const documentBytes = mainPath ? structure[mainPath] : undefined;
  if (!mainPath || !mainKind || !documentBytes) return notWord;

  const warnings: string[] = [];
  if (mainKind === 'macro-enabled') {
    warnings.push(`Les macros du modèle ${named} sont ignorées : Bocage n’en reprend que les styles, l’en-tête et le pied de page.`);
  }
  const mainRelationshipsBytes = structure[relationshipsPathOf(mainPath)];
  const mainRelationships = mainRelationshipsBytes ? parseRelationships(strFromU8(mainRelationshipsBytes)) : [];
  const stylesRelationship = ofType(mainRelationships, RELATIONSHIP_TYPES.styles);
  const stylesBytes = stylesRelationship && structure[resolvePartPath(mainPath, stylesRelationship.target)];
  const stylesXml = stylesBytes ? strFromU8(stylesBytes) : '';
  if (!/<w:styles\b/.test(stylesXml)) {
    return failure(`Le modèle ${named} ne contient pas de styles : Bocage ne peut pas en reprendre la mise en forme. Enregistrez-le à nouveau depuis Word, ou choisissez un autre modèle.`);
  }
  const renames = styleRenames(stylesXml);
  const styles = normaliseStyles(stylesXml, renames);
  if (styles.numberedHeadings) {
    warnings.push('Les titres du modèle sont numérotés automatiquement : Bocage retire cette numérotation, car il numérote lui-même les parties.');
  }
  const themeRelationship = ofType(mainRelationships, RELATIONSHIP_TYPES.theme);
  const themeBytes = themeRelationship && structure[resolvePartPath(mainPath, themeRelationship.target)];

  const documentXml = strFromU8(documentBytes);
  const candidates = (['header', 'footer'] as const).map((kind) => {
    const id = defaultPartTarget(documentXml, kind);
    const relationship = mainRelationships.find((candidate) => candidate.id === id && candidate.type.endsWith(RELATIONSHIP_TYPES[kind]));
    return relationship ? readPartCandidate(structure, resolvePartPath(mainPath, relationship.target)) : null;
  });
  const wanted = new Set(candidates.flatMap((candidate) => candidate?.internalTargets.map((target) => target.path) ?? []));
  const linkedFiles = wanted.size === 0 ? {} : unzipParts(bytes, (name) => wanted.has(name));
  if (linkedFiles === 'damaged' || linkedFiles === 'too-large') {
    return failure(`Les images de l’en-tête ou du pied de page du modèle ${named} sont illisibles ou trop volumineuses : choisissez un autre modèle.`);
  }

  const [header, footer] = (['header', 'footer'] as const).map((kind, index): TemplatePart | null => {
    const candidate = candidates[index];
    if (!candidate) return null;
    const files: Record<string, Uint8Array<ArrayBuffer>> = {};
    const types: Record<string, string> = {};
    for (const { target, path } of candidate.internalTargets) {
      const file = linkedFiles[path] ?? structure[path];
      const type = contentTypeOf(path, contentTypes);
      if (!file || !type) {
        warnings.push(`${PART_LABELS[kind]} du modèle ${named} renvoie à un fichier absent : Bocage utilise le sien.`);
        return null;
      }
      files[target] = file;
      types[target] = type;
    }
    return {
      xml: renameStyleReferences(candidate.xml, renames),
      relationships: candidate.relationships,
      files,
      contentTypes: types,
      showsPageNumber: showsPageNumber(candidate.xml),
    };
  });

  return {
    ok: true,
    template: {
      fileName,
      styles: styles.xml,
      styleIds: styles.ids,
      accentColour: styles.accentColour,
      theme: themeBytes ? strFromU8(themeBytes) : null,
      header: header ?? null,
      footer: footer ?? null,
      warnings,
    },
  };
}

function escapeXmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function relationshipsXml(relationships: readonly TemplateRelationship[]): string {
  const items = relationships.map(
    (relationship) =>
      `<Relationship Id="${escapeXmlAttribute(relationship.id)}" Type="${escapeXmlAttribute(relationship.type)}" Target="${escapeXmlAttribute(relationship.target)}"${relationship.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

function innerOf(xml: string, root: 'hdr' | 'ftr'): string {
  return new RegExp(`<w:${root}\\b[^>]*>([\\s\\S]*)</w:${root}>`).exec(xml)?.[1] ?? '';
}

function addContentTypes(xml: string, additions: { defaults: Record<string, string>; overrides: Record<string, string> }): string {
  const present = parseContentTypes(xml);
  const entries = [
    ...Object.entries(additions.defaults)
      .filter(([extension]) => present.defaults[extension] === undefined)
      .map(([extension, type]) => `<Default Extension="${escapeXmlAttribute(extension)}" ContentType="${escapeXmlAttribute(type)}"/>`),
    ...Object.entries(additions.overrides).map(
      ([path, type]) => `<Override PartName="/${escapeXmlAttribute(path)}" ContentType="${escapeXmlAttribute(type)}"/>`,
    ),
  ];
  return xml.replace('</Types>', `${entries.join('')}</Types>`);
}

/** Where the produced document keeps the default header or footer of its (only) body section. */
function producedPartPath(entries: Unzipped, documentPath: string, kind: 'header' | 'footer'): string {
  const documentBytes = entries[documentPath];
  const relationshipsBytes = entries[relationshipsPathOf(documentPath)];
  const id = documentBytes && defaultPartTarget(strFromU8(documentBytes), kind);
  const relationship = relationshipsBytes && parseRelationships(strFromU8(relationshipsBytes)).find((candidate) => candidate.id === id);
  if (!relationship) throw new Error(`Le document produit n’a pas de ${kind === 'header' ? 'en-tête' : 'pied de page'} par défaut.`);
  return resolvePartPath(documentPath, relationship.target);
}

/**
 * Puts the template's header, footer (with their images) and theme into a .docx produced by the
 * docx library, whose own default header and footer hold Bocage's running header and page numbers.
 * Throws when the produced file is not as expected; the caller then keeps Bocage's look.
 */
export function applyTemplateParts(docx: Uint8Array, template: DocxTemplate): Uint8Array {
  const entries = unzipSync(docx);
  const documentPath = 'word/document.xml';
  const contentTypesBytes = entries['[Content_Types].xml'];
  if (!contentTypesBytes || !entries[documentPath]) throw new Error('Le document produit est incomplet.');
  const additions = { defaults: {} as Record<string, string>, overrides: {} as Record<string, string> };
  let copied = 0;

  const parts = [
    { kind: 'header', root: 'hdr', part: template.header },
    { kind: 'footer', root: 'ftr', part: template.footer },
  ] as const;
  for (const { kind, root, part } of parts) {
    if (!part) continue;
    const path = producedPartPath(entries, documentPath, kind);
    const ownBytes = entries[path];
    if (!ownBytes) throw new Error(`La partie ${path} manque dans le document produit.`);
    const own = innerOf(strFromU8(ownBytes), root);
    const keepsOwn = kind === 'header' || !part.showsPageNumber;
    const closing = `</w:${root}>`;
    const xml = keepsOwn ? part.xml.replace(new RegExp(`${closing}\\s*$`), `${own}${closing}`) : part.xml;
    const relationships = part.relationships.map((relationship) => {
      const file = part.files[relationship.target];
      const type = part.contentTypes[relationship.target];
      if (relationship.external || !file || !type) return relationship;
      copied += 1;
      const extension = relationship.target.slice(relationship.target.lastIndexOf('.') + 1).toLowerCase();
      const target = `media/template-${kind}-${copied}.${extension}`;
      entries[`word/${target}`] = file;
      if (type.startsWith('image/')) additions.defaults[extension] = type;
      else additions.overrides[`word/${target}`] = type;
      return { ...relationship, target };
    });
    entries[path] = strToU8(xml);
    entries[relationshipsPathOf(path)] = strToU8(relationshipsXml(relationships));
  }
  if (template.theme) {
    const themePath = Object.keys(entries).find((name) => /^word\/theme\/theme\d*\.xml$/.test(name));
    if (themePath) entries[themePath] = strToU8(template.theme);
  }
  entries['[Content_Types].xml'] = strToU8(addContentTypes(strFromU8(contentTypesBytes), additions));
  return zipSync(entries);
}
