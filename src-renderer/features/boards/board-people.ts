import type { DirectorySnapshot } from '@shared/directory/directory-snapshot';
import type { Meeting } from '@shared/meetings/meeting-model';
import { resolveContactId } from '@shared/meetings/participant-merge';
import { UNKNOWN_CONTACT_NAME, compareByName, indexDirectory, participantIdentity, type DirectoryIndex } from '@shared/meetings/participant-rows';

/** Who wrote a card, as the board shows it. */
export interface CardAuthor {
  /** The contact id stored on the card. */
  contactId: string;
  name: string;
  /** "CD" for Claire Dupont: what fits on a small card. */
  initials: string;
}

export const ANONYMOUS_LABEL = 'Anonyme';

function initialsOf(name: string): string {
  const words = name.split(/[\s-]+/).filter((word) => /\p{L}/u.test(word));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((word) => word.match(/\p{L}/u)![0]!.toLocaleUpperCase('fr-FR')).join('') || '?';
}

/**
 * Names of card authors, made once per change of the meeting's people or of the directory: each
 * author keeps one object, so the cards memoised on it are not redrawn when a card is added.
 */
export class AuthorDirectory {
  private readonly index: DirectoryIndex;
  private readonly authors = new Map<string, CardAuthor>();
  /** Participants who can be named as a card's author: invited or present. */
  readonly eligible: readonly CardAuthor[];

  constructor(meeting: Pick<Meeting, 'participants'>, directory: DirectorySnapshot) {
    this.index = indexDirectory(directory);
    const eligible = meeting.participants
      .filter((participant) => participant.invited || participant.attendance === 'present')
      .map((participant) => ({ author: this.get(participant.contactId), identity: participantIdentity(resolveContactId(participant.contactId, this.index.aliases), this.index) }));
    this.eligible = eligible.sort((left, right) => compareByName(left.identity, right.identity)).map((entry) => entry.author);
  }

  get(contactId: string): CardAuthor {
    let author = this.authors.get(contactId);
    if (!author) {
      const contact = this.index.contacts.get(resolveContactId(contactId, this.index.aliases));
      const name = contact ? [contact.firstName.trim(), contact.lastName.trim()].filter((part) => part !== '').join(' ') : UNKNOWN_CONTACT_NAME;
      author = { contactId, name: name || UNKNOWN_CONTACT_NAME, initials: contact ? initialsOf(name) : '?' };
      this.authors.set(contactId, author);
    }
    return author;
  }

  of(contactId: string | null): CardAuthor | null {
    return contactId === null ? null : this.get(contactId);
  }
}

/** What the author list depends on: who the participants are and whether they came, nothing else of the meeting. */
function participantsSignature(meeting: Pick<Meeting, 'participants'>): string {
  return meeting.participants.map((participant) => `${participant.contactId}:${participant.invited ? 1 : 0}:${participant.attendance}`).join('|');
}

const cache = new WeakMap<DirectorySnapshot, Map<string, AuthorDirectory>>();

/**
 * The author names of a meeting's board, shared by every render while the directory and the
 * meeting's participants are unchanged (the meeting object itself is read anew at each change of
 * the mission, a captured card included).
 */
export function authorDirectoryFor(meeting: Pick<Meeting, 'participants'>, directory: DirectorySnapshot): AuthorDirectory {
  let bySignature = cache.get(directory);
  if (!bySignature) {
    bySignature = new Map();
    cache.set(directory, bySignature);
  }
  const signature = participantsSignature(meeting);
  let authors = bySignature.get(signature);
  if (!authors) {
    authors = new AuthorDirectory(meeting, directory);
    bySignature.set(signature, authors);
  }
  return authors;
}
