package cafscan.tests.lib.sagemaker_instances

import data.cafscan.lib.sagemaker_instances as instances

test_instance_store_families if {
	every t in [
		"ml.c5d.xlarge", "ml.m5d.large", "ml.r5d.2xlarge", "ml.c6id.large", "ml.m6id.xlarge", "ml.r6id.large",
		"ml.c6gd.large", "ml.m6gd.large", "ml.r6gd.large", "ml.g4dn.xlarge", "ml.p3dn.24xlarge", "ml.p4d.24xlarge",
		"ml.p4de.24xlarge", "ml.g5.48xlarge", "ml.g6.xlarge", "ml.g6e.2xlarge", "ml.gr6.4xlarge", "ml.p5.48xlarge",
		"ml.p5e.48xlarge", "ml.p5en.48xlarge", "ml.p6-b200.48xlarge", "ml.p6e-gb200.36xlarge", "ml.p6-b300.48xlarge", "ml.trn1.2xlarge", "ml.trn1n.32xlarge",
		"ml.trn2.48xlarge", "ml.dl1.24xlarge", "ML.G5.XLARGE",
	] {
		instances.local_storage(t)
	}
}

test_ebs_only_families if {
	every t in [
		"ml.t3.medium", "ml.m5.xlarge", "ml.c5.2xlarge", "ml.c5n.xlarge", "ml.r5.large", "ml.p2.xlarge", "ml.p3.2xlarge",
		"ml.inf1.xlarge", "ml.inf2.xlarge", "ml.c6i.large", "ml.m6i.large", "ml.c7g.large", "ml.m7i.large",
	] {
		not instances.local_storage(t)
	}
}

test_not_an_ml_instance_type if {
	not instances.local_storage("local_gpu")
	not instances.local_storage("g5.xlarge")
	not instances.local_storage(null)
	not instances.local_storage("ml.g5")
	not instances.local_storage("ml.g5.xlarge.spot")
	not instances.local_storage("db.r5d.large")
}

test_types_of_variant_and_pools if {
	instances.types_of({"InstanceType": "ml.m5.large", "InstancePools": [{"InstanceType": "ml.g5.xlarge"}, {"Priority": 2}]}) == ["ml.m5.large", "ml.g5.xlarge"]
	instances.types_of({"ServerlessConfig": {}}) == []
}

# An empty InstanceType (a variant being defined, a pool without one) is no instance type.
test_types_of_skips_empty_types if {
	instances.types_of({"InstanceType": "", "InstancePools": [{"InstanceType": ""}, {"InstanceType": "ml.g5.xlarge"}]}) == ["ml.g5.xlarge"]
}
