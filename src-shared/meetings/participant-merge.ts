import type { AttendanceStatus, ConsentAnswer, MeetingParticipant } from './meeting-model';

/**
 * How two attendance records of the same person at the same meeting become one: after a directory
 * merge (two contacts that were one person), or when two contact ids resolve to the same survivor.
 * Being seen in the room outweighs any other record; otherwise the status set last in the room
 * wins; a signature is never dropped; a refused consent outweighs an accepted one.
 */

function mergedAttendance(survivor: MeetingParticipant, other: MeetingParticipant): AttendanceStatus {
  if (survivor.attendance === 'present' || other.attendance === 'present') return 'present';
  if (survivor.attendance === 'expected') return other.attendance;
  if (other.attendance === 'expected') return survivor.attendance;
  return (other.checkedAt ?? 0) > (survivor.checkedAt ?? 0) ? other.attendance : survivor.attendance;
}

function mergedConsent(survivor: ConsentAnswer | null, other: ConsentAnswer | null): ConsentAnswer | null {
  if (survivor === 'no' || other === 'no') return 'no';
  return survivor ?? other;
}

function latest(left: number | null, right: number | null): number | null {
  if (left === null) return right;
  if (right === null) return left;
  return Math.max(left, right);
}

/** The two records as one, under the survivor's contact id; the survivor's signature wins a slot both signed. */
export function mergeParticipants(survivor: MeetingParticipant, other: MeetingParticipant): MeetingParticipant {
  return {
    contactId: survivor.contactId,
    invited: survivor.invited || other.invited,
    attendance: mergedAttendance(survivor, other),
    checkedAt: latest(survivor.checkedAt, other.checkedAt),
    signatures: { ...other.signatures, ...survivor.signatures },
    photoConsent: mergedConsent(survivor.photoConsent, other.photoConsent),
    recordingConsent: mergedConsent(survivor.recordingConsent, other.recordingConsent),
  };
}

/** A merged contact id as the id of the contact it now lives in. */
export function resolveContactId(contactId: string, aliases: ReadonlyMap<string, string>): string {
  return aliases.get(contactId) ?? contactId;
}

/**
 * A meeting's participants with merged contacts followed to their survivor, one record per person:
 * a replica that has not yet repointed a merged contact still counts that person once.
 */
export function resolveParticipants(participants: readonly MeetingParticipant[], aliases: ReadonlyMap<string, string>): MeetingParticipant[] {
  const byContact = new Map<string, MeetingParticipant>();
  for (const participant of participants) {
    const contactId = resolveContactId(participant.contactId, aliases);
    const resolved = { ...participant, contactId };
    const existing = byContact.get(contactId);
    if (!existing) byContact.set(contactId, resolved);
    else if (participant.contactId === contactId) byContact.set(contactId, mergeParticipants(resolved, existing));
    else byContact.set(contactId, mergeParticipants(existing, resolved));
  }
  return [...byContact.values()];
}
