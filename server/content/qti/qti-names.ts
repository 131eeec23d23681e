// Namespaces, resource types and file layout of the QTI 3.0 content packages Lectern writes.

export const QTI3_NS = 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0';
export const CP_NS = 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1';
/**
 * Lectern's own extension, kept in the manifest's metadata (IMS Content Packaging allows foreign
 * elements there): the Markdown sources and the fields QTI has no place for (both languages of a
 * title, the answer language, the rubrics' structure), so a round trip loses nothing.
 */
export const LECTERN_NS = 'urn:lectern:qti-extension:1';

export const RESOURCE_TYPES = {
  test: 'imsqti_test_xmlv3p0',
  item: 'imsqti_item_xmlv3p0',
  stimulus: 'imsqti_stimulus_xmlv3p0',
  content: 'webcontent',
} as const;

/** Where each kind of file goes inside the package. */
export const PACKAGE_PATHS = {
  manifest: 'imsmanifest.xml',
  test: (packId: string) => `tests/${packId}.xml`,
  item: (questionId: string) => `items/${questionId}.xml`,
  stimulus: (sectionId: string) => `stimuli/document-${sectionId}.xml`,
  /** Documents and images keep their path relative to the pack folder under content/. */
  content: (relPath: string) => `content/${relPath}`,
} as const;

/** The identifier of a section's shared document (a qti-assessment-stimulus). */
export function stimulusIdentifier(sectionId: string): string {
  return `document-${sectionId}`;
}

/**
 * A Lectern id as a QTI identifier: identifiers and ids are XML names, which cannot start with a
 * digit ("1a", or the heading id "1-overview"). Such an id gets a leading "_", which the importer
 * drops again (see import-ids.ts).
 */
export function qtiIdentifier(id: string): string {
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

/** QTI's extended-text interaction counts characters; Lectern's guide counts words. */
export const CHARACTERS_PER_WORD = 6;
