import { describe, expect, it } from 'vitest';
import { decodeHook, scriptEntries } from '../../src/collect/services/sagemaker-lifecycle.js';

describe('lifecycle script entries (what the inventory keeps of a notebook lifecycle script)', () => {
  it('keeps assignments by name, quoted or not, and the first of a repeated name', () => {
    const entries = scriptEntries(`export A_TOKEN="abc def"\nB_KEY='x y'\nC=plain; D=two && echo done\nA_TOKEN=later\n`);
    expect(entries).toEqual({ A_TOKEN: 'abc def', B_KEY: 'x y', C: 'plain', D: 'two' });
  });

  it('reads aws configure set, with or without a profile, and passwords in URLs', () => {
    const entries = scriptEntries(
      'aws configure set --profile ml aws_access_key_id AKIAIOSFODNN7EXAMPLE\naws configure set region us-east-1\ngit clone https://bot:pa55-word-long@git.example.com/x.git\ncurl https://u:second-secret@h.example.com/y\n',
    );
    expect(entries).toMatchObject({ aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', region: 'us-east-1', url_password: 'pa55-word-long', url_password_2: 'second-secret' });
    expect(Object.values(entries).join(' ')).not.toContain('bot:');
  });

  it('keeps only words of 16 characters or more, once each, and never the commands', () => {
    const entries = scriptEntries('pip install --quiet pandas\nsource /home/ec2-user/anaconda3/bin/activate\nsource /home/ec2-user/anaconda3/bin/activate\n');
    expect(entries).toEqual({ '(word 1)': '/home/ec2-user/anaconda3/bin/activate' });
  });

  it('bounds what one script adds', () => {
    const script = Array.from({ length: 1000 }, (_, i) => `V${i}=x`).join('\n');
    expect(Object.keys(scriptEntries(script))).toHaveLength(400);
  });

  it('decodes the base64 the API returns; a hook without content is an empty script', () => {
    expect(decodeHook({ Content: Buffer.from('#!/bin/bash\necho hi\n').toString('base64') })).toBe('#!/bin/bash\necho hi\n');
    expect(decodeHook({})).toBe('');
  });
});
