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

  it('keeps only words shaped like a token, once each, and never the commands or words it cannot classify', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop';
    const entries = scriptEntries(
      `pip install --quiet pandas\nsource /home/ec2-user/anaconda3/bin/activate\nmysqlsh --uri admin@db CorrectHorseBattery9\ncurl -H "Authorization: Bearer ${jwt}" https://x\ncurl -H "Authorization: Bearer ${jwt}" https://y\n`,
    );
    expect(entries).toEqual({ '(word 1)': jwt });
  });

  // The three leaks the review found: a password that is neither NAME=value nor token-shaped.
  it('reads password flags and credential keys of YAML, INI, JSON and Python', () => {
    const entries = scriptEntries(
      [
        'mysql -u admin -pCorrectHorseBattery9 -h db.example.com',
        "mariadb-dump -u root -p'quoted pw' research",
        'sshpass -p S3cretSsh ssh ec2-user@host',
        'cat > app.yaml <<EOF',
        'db_password: Tr0ub4dor-and-3-horses',
        'host: db.internal.example.com',
        '  - api_key = "ini-style-key-0001"',
        'EOF',
        'python3 -c \'import os; os.environ["OPENAI_API_KEY"] = "myInternalServiceKey123456"\'',
        'echo \'{"client_secret": "json-secret-value", "region": "us-east-1"}\' > creds.json',
        'huggingface-cli login --token hf-not-shaped-token',
        'tool --db-password "two words"',
      ].join('\n'),
    );
    expect(entries).toEqual({
      '--token': 'hf-not-shaped-token',
      '--db-password': 'two words',
      'mysql -p (password)': 'CorrectHorseBattery9',
      'sshpass -p (password)': 'S3cretSsh',
      db_password: 'Tr0ub4dor-and-3-horses',
      api_key: 'ini-style-key-0001',
      OPENAI_API_KEY: 'myInternalServiceKey123456',
      client_secret: 'json-secret-value',
    });
    // mariadb's quoted password is read (the first -p of a mysql-family client wins the name).
    expect(scriptEntries("mariadb-dump -u root -p'quoted pw' research")).toEqual({ 'mysql -p (password)': 'quoted pw' });
  });

  it('does not take ports, other short flags or non-credential options for passwords', () => {
    const entries = scriptEntries(
      'ssh -p2222 host\ndocker run -p8080:80 img\nmysql -P3306 -p -u admin\naws secretsmanager get-secret-value --secret-id research/db\nvllm serve --max-tokens 4096\nhost: db.example.com\n"region": "us-east-1"\n',
    );
    expect(entries).toEqual({});
  });

  it('records a shell expansion as the reference it is, and a single-quoted one as the literal it is', () => {
    const entries = scriptEntries(
      'export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)"\nHF_TOKEN=$FROM_SSM\nA_SECRET="$OTHER/suffix"\nB_SECRET=\'$literal\'\nC_TOKEN="`cat /run/token`"\n',
    );
    expect(entries).toEqual({
      DB_PASSWORD: '$(aws secretsmanager get-secret-value --secret-id research/db --query SecretString --output text)',
      HF_TOKEN: '${FROM_SSM}',
      A_SECRET: '${OTHER}/suffix',
      B_SECRET: '$literal',
      C_TOKEN: '`cat /run/token`',
    });
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
