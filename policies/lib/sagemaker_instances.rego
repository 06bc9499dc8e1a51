# Which SageMaker ML instance types carry local NVMe instance storage. On those, SageMaker puts
# the job's or endpoint's storage on the instance store, which a hardware module encrypts, and
# CreateEndpointConfig (KmsKeyId) and CreateTrainingJob (ResourceConfig.VolumeKmsKeyId) reject
# a KMS key for the storage volume: "You can't request a KmsKeyId when using an instance type
# with local storage" (SageMaker API Reference). A control that demanded a volume key there would
# fail a configuration AWS does not allow to be fixed.
#
# Families, from the EC2 instance type specifications (instance storage column) that the
# SageMaker references point to (https://docs.aws.amazon.com/ec2/latest/instancetypes/):
# - every family whose name has a "d" (EC2's "instance store volumes" attribute): ml.c5d, ml.m5d,
#   ml.r5d, ml.c6id, ml.m6id, ml.r6id, ml.c6gd, ml.m6gd, ml.r6gd, ml.g4dn, ml.p3dn, ml.p4d,
#   ml.p4de, ml.dl1 — the same rule the SageMaker Python SDK applies (utils.volume_size_supported);
# - families with NVMe storage but no "d": ml.g5, ml.g6, ml.g6e, ml.gr6, ml.p5, ml.p5e, ml.p5en,
#   ml.p6-b200, ml.p6e-gb200, ml.trn1, ml.trn1n, ml.trn2.
# Not in the list, because EC2 specifies them as EBS-only: ml.inf1, ml.inf2, ml.p2, ml.p3,
# ml.c5, ml.c5n, ml.m5, ml.r5, ml.c6i, ml.m6i, ml.r6i, ml.c7g, ml.t2, ml.t3 and the like.
package cafscan.lib.sagemaker_instances

nvme_families_without_d := {
	"g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "p6-b200", "p6e-gb200", "p6-b300",
	"trn1", "trn1n", "trn2",
}

# "ml.g5.2xlarge" -> "g5"; undefined for anything else (a pipeline placeholder, "local").
family(instance_type) := parts[1] if {
	is_string(instance_type)
	parts := split(lower(instance_type), ".")
	count(parts) == 3
	parts[0] == "ml"
}

local_storage(instance_type) if contains(family(instance_type), "d")

local_storage(instance_type) if family(instance_type) in nvme_families_without_d

# The instance types of a SageMaker production variant or training instance group: its own
# InstanceType and, for heterogeneous endpoint variants, those of its InstancePools.
types_of(x) := array.concat(
	[t | t := x.InstanceType; is_string(t); t != ""],
	[t | some pool in object.get(x, "InstancePools", []); t := pool.InstanceType; is_string(t); t != ""],
) if is_object(x)
