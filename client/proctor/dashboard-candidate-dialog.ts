// The selected candidate's panel as a modal dialog (issue 13, item 2): the browser keeps it in
// view at every zoom (it is centred on the viewport, not placed after the tiles), moves the focus
// into it, closes it with Escape, and keeps the keyboard inside it while it is open. When it
// closes, the focus goes back to the candidate's tile.
import { html, nothing } from 'lit';
import { t } from '../common/staff-i18n.js';
import type { LecternCandidateTile } from './lectern-candidate-tile.js';
import type { CandidateSelectedDetail } from './ui.js';

export interface CandidateDialogHandlers {
  dialogClosed(): void;
  /** The panel's close button says "no candidate" through the same event as a tile. */
  onSelect(event: CustomEvent<CandidateSelectedDetail>): void;
}

/** The dialog element, its content drawn only while a candidate is selected and the panel open. */
export function candidateDialog(who: { workstation: string; code: string } | null, content: unknown, on: CandidateDialogHandlers) {
  return html`<dialog class="candidate-dialog" aria-label=${who ? t('proctorScreens.panel.dialog', who) : t('proctor.panel.candidate', { code: '' })} @close=${on.dialogClosed} @candidate-selected=${on.onSelect}>
    ${who ? content : nothing}
  </dialog>`;
}

/** Opens or closes the dialog to match what the dashboard wants shown. */
export function syncDialog(root: ParentNode, open: boolean): void {
  const dialog = root.querySelector<HTMLDialogElement>('dialog.candidate-dialog');
  if (!dialog) return;
  if (open && !dialog.open) dialog.showModal();
  else if (!open && dialog.open) dialog.close();
}

/** The focus back on the tile the panel was opened from, if it is still drawn. */
export function focusTile(root: ParentNode, candidateId: number): void {
  for (const tile of root.querySelectorAll<LecternCandidateTile>('lectern-candidate-tile')) {
    if (tile.view.tile.candidateId !== candidateId) continue;
    tile.renderRoot.querySelector<HTMLButtonElement>('button.tile')?.focus();
    return;
  }
}
