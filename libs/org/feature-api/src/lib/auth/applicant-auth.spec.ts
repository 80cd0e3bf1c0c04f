import {
  connectAsOwner,
  createTestApp,
  testDatabaseFromEnv,
  TestApp,
  uniqueMobile,
  uniqueResidentIdNumber,
  uniqueUscc,
} from '@zhengwu/server/testing';
import type { ApplicantProfile, ApplicantTokenResponse, ErrorBody } from '@zhengwu/shared/contracts';
import { decodeJwt, decodeProtectedHeader, importJWK, JWK, jwtVerify, SignJWT } from 'jose';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgFeatureModule } from '../org-feature.module';

const PASSWORD = 'Correct-Horse-9';

describe('applicant registration and login', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ imports: [OrgFeatureModule] });
  });
  afterAll(() => t.close());

  function naturalPerson(overrides: Record<string, unknown> = {}) {
    return { name: '王小丫', idNumber: uniqueResidentIdNumber(), mobile: uniqueMobile(), password: PASSWORD, ...overrides };
  }

  it('registers a natural person, masking the ID number and returning a verifiable token', async () => {
    const person = naturalPerson();
    const response = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', person);
    expect(response.status).toBe(201);
    const { profile, accessToken, tokenType, expiresIn } = response.body;
    expect(tokenType).toBe('Bearer');
    expect(expiresIn).toBe(7200);
    expect(profile).toMatchObject({ kind: 'natural_person', name: '王小丫' });
    expect(profile.identityNumberMasked).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
    expect(profile.mobileMasked).toBe(`${person.mobile.slice(0, 3)}****${person.mobile.slice(7)}`);
    expect(JSON.stringify(response.body)).not.toContain(person.idNumber);

    const jwks = await t.http.get<{ keys: Array<JWK & Record<string, string>> }>('/api/v1/auth/jwks');
    expect(jwks.status).toBe(200);
    const [key] = jwks.body.keys;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(key).not.toHaveProperty('d');
    const { payload, protectedHeader } = await jwtVerify(accessToken, await importJWK(key, 'EdDSA'));
    expect(protectedHeader.kid).toBe(key['kid']);
    expect(payload).toMatchObject({ sub: profile.id, kind: 'applicant', aud: 'zhengwu', iss: 'zhengwu:test' });

    const me = await t.http.get<ApplicantProfile>('/api/v1/auth/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(profile);
  });

  it('stores the identity and mobile numbers only as keyed hash, ciphertext and mask', async () => {
    const person = naturalPerson();
    const registered = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', person);
    const owner = await connectAsOwner();
    try {
      await owner.query("SELECT set_config('app.applicant_id', $1, false)", [registered.body.profile.id]);
      const { rows } = await owner.query('SELECT row_to_json(a)::text AS json FROM applicants a WHERE id = $1', [registered.body.profile.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0].json).not.toContain(person.idNumber);
      expect(rows[0].json).not.toContain(person.idNumber.slice(6, 14));
      expect(rows[0].json).not.toContain(person.mobile);
      expect(rows[0].json).not.toContain(PASSWORD);
    } finally {
      await owner.end();
    }
  });

  it('accepts a lowercase x check digit as the same identity', async () => {
    let idNumber = uniqueResidentIdNumber();
    while (!idNumber.endsWith('X')) idNumber = uniqueResidentIdNumber();
    const first = await t.http.post('/api/v1/auth/applicants/register/natural-person', naturalPerson({ idNumber: idNumber.toLowerCase() }));
    expect(first.status).toBe(201);
    const again = await t.http.post<ErrorBody>('/api/v1/auth/applicants/register/natural-person', naturalPerson({ idNumber }));
    expect(again.status).toBe(409);
    const login = await t.http.post('/api/v1/auth/applicants/login', { identifier: idNumber, password: PASSWORD });
    expect(login.status).toBe(200);
  });

  it('refuses a second registration of the same ID number with 409', async () => {
    const person = naturalPerson();
    expect((await t.http.post('/api/v1/auth/applicants/register/natural-person', person)).status).toBe(201);
    const again = await t.http.post<ErrorBody>('/api/v1/auth/applicants/register/natural-person', { ...person, mobile: uniqueMobile() });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPLICANT_ALREADY_REGISTERED');
    expect(again.body.message.en).toBeTruthy();
  });

  it('registers a legal person with a checked USCC, shown unmasked', async () => {
    const uscc = uniqueUscc();
    const response = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/legal-person', {
      name: '遂宁市河东建材有限公司',
      uscc,
      contactName: '赵经理',
      mobile: uniqueMobile(),
      password: PASSWORD,
    });
    expect(response.status).toBe(201);
    expect(response.body.profile).toMatchObject({ kind: 'legal_person', identityNumberMasked: uscc, contactName: '赵经理' });
    const login = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/login', { identifier: uscc, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.profile.id).toBe(response.body.profile.id);
  });

  it.each([
    ['a wrong check digit', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')],
    ['an impossible birth date', (id: string) => `${id.slice(0, 6)}19900230${id.slice(14, 17)}X`],
    ['too few digits', (id: string) => id.slice(0, 15)],
  ])('rejects an ID number with %s, writing nothing', async (_label, corrupt) => {
    const idNumber = corrupt(uniqueResidentIdNumber());
    const response = await t.http.post<ErrorBody>('/api/v1/auth/applicants/register/natural-person', naturalPerson({ idNumber }));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ property: 'idNumber' })]));
    const login = await t.http.post('/api/v1/auth/applicants/login', { identifier: idNumber, password: PASSWORD });
    expect(login.status).toBe(401);
  });

  it('rejects a USCC with a wrong check character', async () => {
    const uscc = uniqueUscc();
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    const response = await t.http.post<ErrorBody>('/api/v1/auth/applicants/register/legal-person', {
      name: '某公司',
      uscc: wrong,
      contactName: '某人',
      mobile: uniqueMobile(),
      password: PASSWORD,
    });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([expect.objectContaining({ property: 'uscc' })]);
  });

  it('logs in by ID number or by mobile, and refuses a wrong password', async () => {
    const person = naturalPerson();
    const registered = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', person);
    const byId = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/login', { identifier: person.idNumber, password: PASSWORD });
    expect(byId.status).toBe(200);
    expect(byId.body.profile.id).toBe(registered.body.profile.id);
    const byMobile = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/login', { identifier: person.mobile, password: PASSWORD });
    expect(byMobile.status).toBe(200);
    const wrong = await t.http.post<ErrorBody>('/api/v1/auth/applicants/login', { identifier: person.idNumber, password: 'wrong-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH_INVALID_CREDENTIALS');
    const unknown = await t.http.post<ErrorBody>('/api/v1/auth/applicants/login', { identifier: uniqueResidentIdNumber(), password: PASSWORD });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('locks an account after five wrong passwords, even for the right one', async () => {
    const person = naturalPerson();
    await t.http.post('/api/v1/auth/applicants/register/natural-person', person);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await t.http.post('/api/v1/auth/applicants/login', { identifier: person.idNumber, password: 'nope-nope' })).status).toBe(401);
    }
    const locked = await t.http.post<ErrorBody>('/api/v1/auth/applicants/login', { identifier: person.idNumber, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('AUTH_ACCOUNT_LOCKED');
  });

  it('refuses missing, tampered, foreign and expired tokens with 401', async () => {
    const registered = await t.http.post<ApplicantTokenResponse>('/api/v1/auth/applicants/register/natural-person', naturalPerson());
    const token = registered.body.accessToken;

    const missing = await t.http.get<ErrorBody>('/api/v1/auth/me');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH_REQUIRED');

    const [header, , signature] = token.split('.');
    const claims = decodeJwt(token);
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-7000-8000-000000000000' })).toString('base64url');
    const tampered = await t.http.get<ErrorBody>('/api/v1/auth/me', { token: `${header}.${forgedPayload}.${signature}` });
    expect(tampered.status).toBe(401);
    expect(tampered.body.code).toBe('AUTH_INVALID_TOKEN');

    // Same claims, signed with a key this deployment does not know.
    const foreignKey = generateKeyPairSync('ed25519').privateKey;
    const foreign = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(token).kid }).sign(foreignKey);
    const refused = await t.http.get<ErrorBody>('/api/v1/auth/me', { token: foreign });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH_INVALID_TOKEN');

    // Signed with this deployment's own key, but past its expiry.
    const ownKey = createPrivateKey(readFileSync(join(testDatabaseFromEnv().keysDir, 'test-auth-signing.pem')));
    const now = Math.floor(Date.now() / 1000);
    const stale = await new SignJWT({ ...claims, iat: now - 7300, exp: now - 100 })
      .setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(token).kid })
      .sign(ownKey);
    const expired = await t.http.get<ErrorBody>('/api/v1/auth/me', { token: stale });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('AUTH_TOKEN_EXPIRED');

    const notBearer = await t.http.get<ErrorBody>('/api/v1/auth/me', { headers: { authorization: `Basic ${token}` } });
    expect(notBearer.status).toBe(401);
  });
});
