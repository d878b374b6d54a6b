import * as Y from 'yjs';
import type { ContactInput } from '@shared/directory/contact-model';
import { createContact } from '@shared/directory/contact-operations';
import { createMeeting } from '@shared/meetings/meeting-operations';
import type { Meeting } from '@shared/meetings/meeting-model';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import type { MeetingInput } from '@shared/meetings/meeting-validation';
import { encodeSignature, type SignaturePoint } from '@shared/meetings/signature';
import { CREATED_AT, LOCAL_EDIT } from '../domain-fixtures';

export { LATER, MUCH_LATER, missionDoc, missionOnTwoMachines } from '../qualitative/qualitative-fixtures';
export const CHECK_IN_TIME = CREATED_AT + 86_400_000;

export function meetingInput(overrides: Partial<MeetingInput> = {}): Pick<MeetingInput, 'title'> & Partial<MeetingInput> {
  return {
    kind: 'atelier',
    title: 'Atelier parentalité',
    date: '2024-04-12',
    schedule: 'single',
    startTime: '14:00',
    endTime: '16:30',
    communeCode: '19031',
    communeName: 'Brive-la-Gaillarde',
    room: 'Salle du conseil',
    agenda: 'Tour de table, puis travail en petits groupes.',
    organiser: 'CAF de la Corrèze',
    ...overrides,
  };
}

export function addMeeting(doc: Y.Doc, overrides: Partial<MeetingInput> = {}): string {
  return createMeeting(doc, meetingInput(overrides), LOCAL_EDIT, CREATED_AT);
}

export function meetingOf(doc: Y.Doc, id: string): Meeting {
  const meeting = readMeetings(doc).find((candidate) => candidate.id === id);
  if (!meeting) throw new Error(`no meeting ${id}`);
  return meeting;
}

export function participantOf(doc: Y.Doc, meetingId: string, contactId: string) {
  return meetingOf(doc, meetingId).participants.find((participant) => participant.contactId === contactId);
}

export function directoryDoc(): Y.Doc {
  return new Y.Doc();
}

export function addContact(directory: Y.Doc, input: ContactInput): string {
  return createContact(directory, { category: 'habitant', ...input }, LOCAL_EDIT, CREATED_AT);
}

/** A short wavy stroke, like the first letter of a signature. */
export function wavyStroke(fromX: number, points = 40): SignaturePoint[] {
  return Array.from({ length: points }, (_, index) => ({ x: fromX + index * 3, y: 100 + Math.sin(index / 3) * 30 }));
}

export function aSignature(fromX = 20): string {
  return encodeSignature([wavyStroke(fromX), [{ x: fromX, y: 150 }, { x: fromX + 60, y: 150 }]]);
}
