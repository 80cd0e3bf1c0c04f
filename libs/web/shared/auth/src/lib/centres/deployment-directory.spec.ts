import type { PublicDirectoryView } from '@zhengwu/shared/contracts';
import { addressedCentre, deploymentDirectoryView } from './deployment-directory';

const topology: PublicDirectoryView = {
  version: 3,
  self: 'province',
  identityIssuer: 'province',
  deployments: [
    { id: 'province', apiBaseUrl: 'http://localhost:3001' },
    { id: 'city', apiBaseUrl: 'http://localhost:3002/' },
    { id: 'county', apiBaseUrl: 'http://localhost:3003' },
  ],
  centres: [
    { code: '510000', deploymentId: 'province' },
    { code: '510900', deploymentId: 'city' },
    { code: '510981', deploymentId: 'county' },
  ],
};

describe('deploymentDirectoryView', () => {
  it('keeps this deployment’s centres here and sends the others to their deployment', () => {
    const view = deploymentDirectoryView(topology);
    expect(view.baseFor('510000')).toBe('');
    expect(view.baseFor('510900')).toBe('http://localhost:3002');
    expect(view.baseFor('510981')).toBe('http://localhost:3003');
    expect(view.bases()).toEqual(['', 'http://localhost:3002', 'http://localhost:3003']);
    expect(view.identityIssuerBase).toBe('');
  });

  it('keeps a centre the directory does not know on this deployment (it answers 404 itself)', () => {
    expect(deploymentDirectoryView(topology).baseFor('513400')).toBe('');
  });

  it('sends everything here when one deployment hosts every centre', () => {
    const single = deploymentDirectoryView({ ...topology, self: 'local', identityIssuer: 'local', deployments: [{ id: 'local', apiBaseUrl: 'http://localhost:3000' }], centres: [{ code: '510900', deploymentId: 'local' }] });
    expect(single.baseFor('510900')).toBe('');
    expect(single.bases()).toEqual(['']);
  });
});

describe('addressedCentre', () => {
  it.each([
    ['/api/v1/centres/510900/items', '510900'],
    ['/api/v1/centres/510981', '510981'],
    ['/api/v1/centres/510981?x=1', '510981'],
    ['/api/v1/centres', undefined],
    ['/api/v1/me/applications', undefined],
    ['/api/v1/centres/5109001/items', undefined],
  ])('%s → %s', (url, centre) => {
    expect(addressedCentre(url)).toBe(centre);
  });
});
