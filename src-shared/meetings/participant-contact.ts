import type * as Y from 'yjs';
import type { ContactInput } from '../directory/contact-model';
import { createContact } from '../directory/contact-operations';
import { validateContactInput } from '../directory/contact-validation';
import { findOrCreateOrganisation } from '../directory/organisation-operations';
import { InvalidOperationError, runOperation } from '../operations/document-guards';

/**
 * A contact typed in a few seconds at the door or while preparing the invitations: the
 * organisation is typed as text and found (or created) in the directory by name.
 */
export type ParticipantContactInput = ContactInput & { organisationName?: string };

/**
 * Creates the contact, and the organisation when its name is new to the directory, in one
 * transaction. The contact is checked first, so a refused contact leaves no orphan organisation.
 */
export function createParticipantContact(directoryDoc: Y.Doc, input: ParticipantContactInput, origin: unknown, now: number = Date.now()): string {
  const { organisationName, ...contact } = input;
  const message = Object.values(validateContactInput(contact, true)).join(' ');
  if (message) throw new InvalidOperationError(message);
  return runOperation(directoryDoc, origin, () => {
    const organisationId = organisationName?.trim() && !contact.organisationId
      ? findOrCreateOrganisation(directoryDoc, { name: organisationName.trim(), kind: 'autre' }, origin, now)
      : contact.organisationId;
    return createContact(directoryDoc, { ...contact, organisationId }, origin, now);
  });
}
