// The sections' English documents, fetched once the exam has started (the server refuses them
// before): each only once, and one that failed is tried again until it comes.
import type { AttemptView, DocumentView } from '../../server/contract/attempt.js';
import type { KioskApi } from './kiosk-ports.js';

export interface SectionDocumentsOptions {
  api: KioskApi;
  textOfHtml: (html: string) => string;
  retryMs: number;
  /** Called with the documents and the failed sections after each fetch. */
  changed: (documents: ReadonlyMap<string, DocumentView>, failures: ReadonlySet<string>) => void;
  /** The attempt whose documents are still wanted (null once the exam is no longer on screen). */
  wanted: () => AttemptView | null;
}

export class SectionDocuments {
  private readonly texts = new Map<string, string>();
  private documents: ReadonlyMap<string, DocumentView> = new Map();
  private failures: ReadonlySet<string> = new Set();

  constructor(private readonly options: SectionDocumentsOptions) {}

  /** Every document's text, for telling pasted text copied from it. */
  text(): string {
    return [...this.texts.values()].join('\n');
  }

  /** Documents the kiosk already holds (opened from the sealed paper): not fetched again. */
  hold(views: readonly DocumentView[]): void {
    const documents = new Map(this.documents);
    for (const view of views) {
      this.texts.set(view.sectionId, this.options.textOfHtml(view.html));
      documents.set(view.sectionId, view);
    }
    this.documents = documents;
    this.options.changed(this.documents, this.failures);
  }

  async load(attempt: AttemptView): Promise<void> {
    const { api, textOfHtml, changed } = this.options;
    for (const section of attempt.pack.sections) {
      if (!section.hasDocument || this.documents.has(section.id)) continue;
      try {
        const view = await api.get<DocumentView>(`/api/attempt/sections/${encodeURIComponent(section.id)}/document`, { revalidate: true });
        this.texts.set(section.id, textOfHtml(view.html));
        this.documents = new Map(this.documents).set(section.id, view);
        const failures = new Set(this.failures);
        failures.delete(section.id);
        this.failures = failures;
        changed(this.documents, this.failures);
      } catch {
        this.failures = new Set(this.failures).add(section.id);
        changed(this.documents, this.failures);
        setTimeout(() => {
          const wanted = this.options.wanted();
          if (wanted) void this.load(wanted);
        }, this.options.retryMs);
        return;
      }
    }
  }
}
