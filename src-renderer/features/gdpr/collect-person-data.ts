import type { Board } from '@shared/boards/board-model';
import { readBoard, readBoardSummaries } from '@shared/boards/board-snapshot';
import type { Contact } from '@shared/directory/contact-model';
import { readDirectorySnapshot } from '@shared/directory/directory-snapshot';
import { readGdprSettings } from '@shared/directory/gdpr-settings';
import { readMissionSnapshot } from '@shared/documents/mission-snapshot';
import { namesPerson } from '@shared/erasure/person-erasure';
import type {
  PersonAuthoredObservation,
  PersonDataSources,
  PersonMissionBoards,
  PersonParticipation,
  PersonSignatureImage,
} from '@shared/gdpr/person-data-export';
import { readMeetings } from '@shared/meetings/meeting-snapshot';
import { readQualitativeSnapshot } from '@shared/qualitative/qualitative-snapshot';
import { localMissions } from '../../app/person-erasure';
import type { WorkspaceSession } from '../../app/workspace-session';
import { signaturePng } from '../meeting-documents/signature-png';

export interface CollectedPersonData {
  sources: PersonDataSources;
  /** The drawn signatures, as images for the readable (Word) copy. */
  signatureImages: PersonSignatureImage[];
}

/**
 * Everything this machine holds on one person, for the right of access: the contact, their
 * organisation, every meeting of every mission they were invited to or attended (contacts merged
 * into them included), the constats written under their name, and the workshop boards where they
 * wrote cards or put dots.
 */
export async function collectPersonData(session: WorkspaceSession, contact: Contact): Promise<CollectedPersonData> {
  const directoryDoc = (await session.openDirectory()).doc;
  const directory = readDirectorySnapshot(directoryDoc);
  const ids = new Set([contact.id, ...[...directory.aliases].filter(([, target]) => target === contact.id).map(([from]) => from)]);
  const participations: PersonParticipation[] = [];
  const authoredObservations: PersonAuthoredObservation[] = [];
  const signatureImages: PersonSignatureImage[] = [];
  const missionBoards: PersonMissionBoards[] = [];
  for (const mission of await localMissions(session)) {
    const { id: missionId, title: missionTitle } = readMissionSnapshot(mission.doc);
    const meetings = readMeetings(mission.doc);
    const boards = readBoardSummaries(mission.doc)
      .map((summary) => readBoard(mission.doc, summary.id))
      .filter((board): board is Board => board !== null);
    missionBoards.push({ missionId, missionTitle, boards, meetings });
    for (const meeting of meetings) {
      for (const participant of meeting.participants) {
        if (!ids.has(participant.contactId)) continue;
        participations.push({ missionId, missionTitle, meeting, participant });
        for (const [slotId, encoded] of Object.entries(participant.signatures)) {
          signatureImages.push({ missionId, meetingId: meeting.id, slotId, png: await signaturePng(encoded) });
        }
      }
    }
    for (const observation of readQualitativeSnapshot(mission.doc).observations) {
      if (observation.author && namesPerson(observation.author, contact)) authoredObservations.push({ missionId, missionTitle, observation });
    }
  }
  return {
    sources: {
      contact,
      organisation: directory.organisations.find((organisation) => organisation.id === contact.organisationId) ?? null,
      participations,
      authoredObservations,
      missionBoards,
      contactIds: [...ids],
      settings: readGdprSettings(directoryDoc),
      exportedAt: new Date(),
    },
    signatureImages,
  };
}
