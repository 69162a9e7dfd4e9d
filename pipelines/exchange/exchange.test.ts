import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { exchangeCsv } from './csv.ts';
import { canonicalJson } from './document.ts';
import { exchangeContent } from './export.ts';
import { integrityProblem, sealed } from './integrity.ts';
import { schemaProblem } from './validate.ts';

const keys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const row = {
  kpi: 'gtpv1_pdp_success',
  ir42_parameter: 'PDP Context Activation Success Ratio',
  direction: 'outbound',
  service: 'all',
  rat: 'all',
  unit: 'ratio',
  numerator: '35.000000',
  denominator: '45.000000',
  excluded: '0.000000',
  value: '0.777778',
  p50: null,
  p95: null,
  sample_size: '45',
  source: 'probe',
  target: '0.9210',
};

const content = () =>
  exchangeContent(
    { tadig: 'GBRHM', name: 'Harbour Mobile' },
    { tadig: 'FRATW', name: 'Terra Wireless' },
    '2026-10',
    [row],
    new Date(Date.UTC(2026, 10, 2, 8, 0, 0)),
    '0.1.0',
  );

describe('the KPI exchange file', () => {
  it('has one canonical form whatever the order of keys', () => {
    expect(canonicalJson({ b: [1, { d: null, c: 'x' }], a: true })).toBe(
      '{"a":true,"b":[1,{"c":"x","d":null}]}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('is valid against its schema, and an invalid one names the JSON path of the error', () => {
    const document = sealed(content());
    expect(schemaProblem(document)).toBeNull();
    const broken = structuredClone(document) as unknown as { entries: { direction: string }[] };
    if (broken.entries[0]) broken.entries[0].direction = 'sideways';
    expect(schemaProblem(broken)).toEqual({
      path: '$.entries[0].direction',
      message: 'must be equal to one of the allowed values',
    });
  });

  it('detects a changed value by its checksum', () => {
    const document = sealed(content());
    expect(integrityProblem(document)).toBeNull();
    const tampered = structuredClone(document);
    if (tampered.entries[0]) tampered.entries[0].value = '0.977778';
    expect(integrityProblem(tampered)).toBe('checksum');
  });

  it("verifies a signature with the sender's public key only", () => {
    const sender = keys();
    const other = keys();
    const signed = sealed(content(), sender.privateKey);
    expect(schemaProblem(signed)).toBeNull();
    expect(integrityProblem(signed, sender.publicKey)).toBeNull();
    expect(integrityProblem(signed, other.publicKey)).toBe('signature');
    expect(integrityProblem(sealed(content()), sender.publicKey)).toBe('unsigned');
    // A signature moved onto other content fails even when the checksum is recomputed.
    const moved = sealed({ ...content(), period: '2026-09' });
    moved.integrity.signature = signed.integrity.signature;
    expect(integrityProblem(moved, sender.publicKey)).toBe('signature');
  });

  it("names the catalogue's IR.42 parameter, and its CSV form has one line per entry", () => {
    const document = sealed(content());
    expect(document.entries[0]?.ir42_parameter).toBe('PDP Context Activation Success Ratio');
    expect(exchangeCsv(document).split('\n')).toEqual([
      'format_version,sender_tadig,recipient_tadig,period,kpi,ir42_parameter,direction,service,rat,unit,numerator,denominator,excluded,value,p50,p95,sample_size,source,target',
      'roam-kpi-exchange/1,GBRHM,FRATW,2026-10,gtpv1_pdp_success,PDP Context Activation Success Ratio,outbound,all,all,ratio,35.000000,45.000000,0.000000,0.777778,,,45,probe,0.9210',
      '',
    ]);
  });
});
