import { describe, expect, it } from 'vitest';
import { directoryDocumentName, missionDocumentName, workspaceDocumentName } from '../../src-shared/documents/document-names';
import { MIN_CLIENT_PROTOCOL_VERSION, SYNC_PROTOCOL_VERSION, accessSummarySchema } from '../../src-shared/sync/sync-protocol';
import { decideDocumentAccess, isClientProtocolAccepted, summarizeAccess, type MissionFacts } from '../../src-server/access/access-policy';
import { createUserToken, hashToken, readBearerToken, USER_TOKEN_PREFIX } from '../../src-server/access/user-tokens';
import type { StoredUser } from '../../src-server/storage/server-store';

const teamMember: StoredUser = { id: 'u-team', name: 'marie.durand', team: true, createdAt: 1, revokedAt: null };
const partner: StoredUser = { id: 'u-partner', name: 'caf79', team: false, createdAt: 1, revokedAt: null };
const revoked: StoredUser = { ...teamMember, id: 'u-revoked', revokedAt: 5 };
const MISSION = missionDocumentName('m-1');

const unknownMission: MissionFacts = { role: null, known: false };
const someoneElsesMission: MissionFacts = { role: null, known: true };

describe('who may open which document', () => {
  it('no token, an unknown token and a revoked account get the same refusal, whatever they ask for', () => {
    for (const user of [null, revoked]) {
      for (const name of [workspaceDocumentName(), MISSION, 'autre.chose']) {
        expect(decideDocumentAccess(user, name, { role: 'editeur', known: true })).toEqual({ allowed: false, reason: 'invalid-token' });
      }
    }
  });

  it('a document name the server does not serve is refused as such', () => {
    expect(decideDocumentAccess(teamMember, 'bocage.mission.', null)).toEqual({ allowed: false, reason: 'invalid-document-name' });
    expect(decideDocumentAccess(teamMember, '../etc/passwd', null)).toEqual({ allowed: false, reason: 'invalid-document-name' });
  });

  it('team members edit the workspace listing and the contacts directory', () => {
    for (const name of [workspaceDocumentName(), directoryDocumentName()]) {
      expect(decideDocumentAccess(teamMember, name, null)).toEqual({ allowed: true, readOnly: false, claimsMission: false });
    }
  });

  it('a partner never sees the workspace listing nor the contacts directory', () => {
    for (const name of [workspaceDocumentName(), directoryDocumentName()]) {
      expect(decideDocumentAccess(partner, name, null)).toEqual({ allowed: false, reason: 'forbidden' });
    }
  });

  it('an editor writes, a reader only reads, whether team member or partner', () => {
    for (const user of [teamMember, partner]) {
      expect(decideDocumentAccess(user, MISSION, { role: 'editeur', known: true })).toEqual({ allowed: true, readOnly: false, claimsMission: false });
      expect(decideDocumentAccess(user, MISSION, { role: 'lecteur', known: true })).toEqual({ allowed: true, readOnly: true, claimsMission: false });
    }
  });

  it('the first team member to bring a new mission to the server becomes its editor', () => {
    expect(decideDocumentAccess(teamMember, MISSION, unknownMission)).toEqual({ allowed: true, readOnly: false, claimsMission: true });
  });

  it('a mission the server already knows is not opened without a role, even by a team member', () => {
    expect(decideDocumentAccess(teamMember, MISSION, someoneElsesMission)).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('a partner cannot claim a mission by guessing an identifier the server does not know', () => {
    expect(decideDocumentAccess(partner, MISSION, unknownMission)).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideDocumentAccess(partner, MISSION, someoneElsesMission)).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('a mission whose facts were not looked up is refused rather than opened', () => {
    expect(decideDocumentAccess(teamMember, MISSION, null)).toEqual({ allowed: false, reason: 'forbidden' });
  });
});

describe('client protocol check', () => {
  it('the walking-skeleton client, which sends no version, is told to update', () => {
    expect(isClientProtocolAccepted(null)).toBe(false);
  });

  it('older and malformed versions are refused, current and newer ones accepted', () => {
    expect(isClientProtocolAccepted(String(MIN_CLIENT_PROTOCOL_VERSION - 1))).toBe(false);
    expect(isClientProtocolAccepted('deux')).toBe(false);
    expect(isClientProtocolAccepted('')).toBe(false);
    expect(isClientProtocolAccepted(String(MIN_CLIENT_PROTOCOL_VERSION))).toBe(true);
    expect(isClientProtocolAccepted(String(SYNC_PROTOCOL_VERSION + 1))).toBe(true);
  });
});

describe('access summary', () => {
  it('lists only the user’s own missions, with their roles, and the workspace for team members only', () => {
    const grants = [
      { userId: partner.id, missionId: 'm-2', role: 'lecteur' as const, grantedAt: 1 },
      { userId: teamMember.id, missionId: 'm-3', role: 'editeur' as const, grantedAt: 1 },
      { userId: partner.id, missionId: 'm-1', role: 'editeur' as const, grantedAt: 1 },
    ];
    const summary = summarizeAccess(partner, grants);
    expect(accessSummarySchema.parse(summary)).toEqual(summary);
    expect(summary).toEqual({
      protocol: SYNC_PROTOCOL_VERSION,
      minClientProtocol: MIN_CLIENT_PROTOCOL_VERSION,
      user: { id: partner.id, name: partner.name, team: false },
      workspace: false,
      missions: [
        { missionId: 'm-1', role: 'editeur' },
        { missionId: 'm-2', role: 'lecteur' },
      ],
    });
    expect(summarizeAccess(teamMember, grants).workspace).toBe(true);
  });
});

describe('user tokens', () => {
  it('each new token is random, recognisable, and stored only as its SHA-256', () => {
    const first = createUserToken();
    const second = createUserToken();
    expect(first.token).not.toBe(second.token);
    expect(first.token.startsWith(USER_TOKEN_PREFIX)).toBe(true);
    expect(first.token.slice(USER_TOKEN_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.tokenHash).toEqual(hashToken(first.token));
    expect(Buffer.from(hashToken('abc')).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('only a Bearer authorization header yields a token', () => {
    expect(readBearerToken('Bearer bocage_abc')).toBe('bocage_abc');
    expect(readBearerToken('bearer   bocage_abc ')).toBe('bocage_abc');
    expect(readBearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(readBearerToken('Bearer')).toBeNull();
    expect(readBearerToken(undefined)).toBeNull();
  });
});
