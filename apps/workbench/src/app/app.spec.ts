import { isHallDisplay } from './app';

describe('the workbench shell', () => {
  it('leaves the hall screen out of the staff shell, whatever the base href', () => {
    expect(isHallDisplay('/display/510900')).toBe(true);
    expect(isHallDisplay('/workbench/display/510981')).toBe(true);
    expect(isHallDisplay('/admin/displays')).toBe(false);
    expect(isHallDisplay('/display/')).toBe(false);
    expect(isHallDisplay('/')).toBe(false);
  });
});
