/** The subset of the IAM policy grammar cafscan writes (identity, trust and CloudFormation policies). */
export type PolicyCondition = Record<string, Record<string, string>>;

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal?: { AWS: string };
  Action: string | string[];
  Resource?: string | string[];
  Condition?: PolicyCondition;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}
