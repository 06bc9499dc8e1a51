# Helpers for the controls on SageMaker Model Monitor jobs: the four kinds of job definition
# (AWS::SageMaker::DataQualityJobDefinition, ModelQuality…, ModelBias…, ModelExplainability…)
# and the monitoring schedules that run them.
#
# A job definition carries its job's NetworkConfig and JobResources.ClusterConfig itself. A
# schedule either carries its job inline (MonitoringScheduleConfig.MonitoringJobDefinition, with
# MonitoringResources.ClusterConfig; data quality only) or names a job definition
# (MonitoringJobDefinitionName + MonitoringType), which is looked up among the definitions of the
# schedule's account and region: controls on schedules list the four definition types and
# "AWS::::Account" in related_resource_types. A named definition that is not in the inventory
# leaves the schedule not evaluated, never passed.
#
# NetworkConfig is optional in every Create*JobDefinition and CreateMonitoringSchedule request;
# its EnableNetworkIsolation and EnableInterContainerTrafficEncryption default to false
# (MonitoringNetworkConfig and NetworkConfig in the SageMaker API Reference), so an absent
# NetworkConfig or flag is off.
package cafscan.lib.sagemaker_monitoring_jobs

import data.cafscan.lib
import data.cafscan.lib.sagemaker_monitoring as monitoring

definition_types := {
	"DataQuality": "AWS::SageMaker::DataQualityJobDefinition",
	"ModelQuality": "AWS::SageMaker::ModelQualityJobDefinition",
	"ModelBias": "AWS::SageMaker::ModelBiasJobDefinition",
	"ModelExplainability": "AWS::SageMaker::ModelExplainabilityJobDefinition",
}

recorded if count(lib.configuration) > 0

# Whether a NetworkConfig turns a flag on (a boolean, or the string "true" some exports write).
flag_on(network, key) if network[key] == true

flag_on(network, key) if {
	is_string(network[key])
	lower(network[key]) == "true"
}

# An object field read as an object: {} when it is absent, null or not an object, so that a
# recorded null (MonitoringResources: null) reads as absent instead of dropping the job.
field_object(x, key) := v if {
	v := object.get(x, key, {})
	is_object(v)
} else := {}

# The number of instances a ClusterConfig runs; undefined when not recorded as a number.
instance_count(cluster) := cluster.InstanceCount if is_number(cluster.InstanceCount)

# --- a job definition (the resource under evaluation) -------------------------------------------

definition_network := object.get(lib.configuration, "NetworkConfig", null)

definition_cluster := field_object(field_object(lib.configuration, "JobResources"), "ClusterConfig")

definition_isolated if flag_on(definition_network, "EnableNetworkIsolation")

definition_encrypted if flag_on(definition_network, "EnableInterContainerTrafficEncryption")

definition_count := instance_count(definition_cluster)

definition_count_known if definition_count

# Nothing travels between instances when the job has exactly one.
definition_single_instance if definition_count <= 1

unrecorded_reason := "the job definition's configuration is not in the inventory"

definition_missing contains unrecorded_reason if not recorded

# What stops the inter-container encryption verdict of a job definition: its configuration, or
# (when encryption is off) its instance count, since one instance exchanges nothing.
definition_encryption_missing contains unrecorded_reason if not recorded

definition_encryption_missing contains "the job definition's instance count is not in the inventory, so whether its instances exchange traffic is unknown" if {
	recorded
	not definition_encrypted
	not definition_count_known
}

# `noun` names the kind ("Data quality job definition"). Absent flags are the API default (off);
# an empty configuration is reported by missing, which wins over violations.
isolation_violations(noun) := {concat("", [noun, " ", lib.label, " does not have network isolation enabled."]) |
	not definition_isolated
}

# Definitions of one instance are out of scope and an unknown count is missing (which wins), so a
# definition reaching this runs on several instances.
encryption_violations(noun) := {concat("", [noun, " ", lib.label, " does not encrypt the traffic between its ", format_int(definition_count, 10), " instances."]) |
	not definition_encrypted
}

# --- a monitoring schedule (the resource under evaluation) --------------------------------------

schedule_config := object.get(lib.configuration, "MonitoringScheduleConfig", {})

inline_job := schedule_config.MonitoringJobDefinition if is_object(schedule_config.MonitoringJobDefinition)

definition_name := schedule_config.MonitoringJobDefinitionName if {
	is_string(schedule_config.MonitoringJobDefinitionName)
	schedule_config.MonitoringJobDefinitionName != ""
}

# The definition type the schedule names, from its monitoring type; all four when the type is not
# recorded or not one of them (a name is unique within a type, not across types).
schedule_monitoring_type := monitoring.monitoring_type({"configuration": lib.configuration})

named_types := {type} if {
	type := definition_types[schedule_monitoring_type]
} else := {t | some t in definition_types}

definition_name_of(d) := n if {
	n := d.configuration.JobDefinitionName
	is_string(n)
} else := d.name

named_definitions := [d |
	some type in named_types
	some d in lib.same_region_of_type(type)
	definition_name_of(d) == definition_name
]

readable(d) if {
	count(object.get(d, "configuration", {})) > 0
	not d.collectionErrors.configuration
}

# The schedule's jobs, each with the NetworkConfig and ClusterConfig it runs with and the words
# that name it in messages. A null or absent MonitoringResources/JobResources/ClusterConfig is
# an empty cluster (instance count unknown): the job is still judged.
schedule_jobs contains {
	"label": "its inline job definition",
	"network": object.get(inline_job, "NetworkConfig", null),
	"cluster": field_object(field_object(inline_job, "MonitoringResources"), "ClusterConfig"),
} if inline_job

schedule_jobs contains {
	"label": concat("", ["its job definition ", lib.text(definition_name)]),
	"network": object.get(d.configuration, "NetworkConfig", null),
	"cluster": field_object(field_object(d.configuration, "JobResources"), "ClusterConfig"),
} if {
	some d in named_definitions
	readable(d)
}

# Why the schedule's job cannot be judged: the schedule itself (schedule_job_missing), or the
# job definition it names (the rest of schedule_missing).
schedule_job_missing contains "the monitoring schedule's configuration is not in the inventory" if not recorded

schedule_job_missing contains "the monitoring schedule's job definition (inline or by name) is not in the inventory" if {
	recorded
	not inline_job
	not definition_name
}

schedule_missing contains reason if some reason in schedule_job_missing

schedule_missing contains concat("", ["the job definition ", lib.text(definition_name), " that the schedule runs is not in the inventory, so its network configuration is unknown"]) if {
	count(named_definitions) == 0
}

# The definitions of that type may simply not have been collected here: say why.
schedule_missing contains reason if {
	definition_name
	count(named_definitions) == 0
	some type in named_types
	reason := monitoring.region_uncollected_reason(type, "SageMaker monitoring job definitions")
}

schedule_missing contains concat("", ["the configuration of job definition ", lib.text(definition_name), " that the schedule runs could not be read"]) if {
	some d in named_definitions
	not readable(d)
}

# The schedule's jobs of several instances (or of an unknown count) without inter-container
# encryption; a schedule whose every job is known to run on one instance is out of scope.
schedule_single_instance if {
	count(schedule_jobs) > 0
	every job in schedule_jobs {
		instance_count(job.cluster) <= 1
	}
}

schedule_encryption_missing contains concat("", ["the instance count of ", job.label, " is not in the inventory, so whether its instances exchange traffic is unknown"]) if {
	some job in schedule_jobs

	# lint-rego: allow not-call-on-field — every job object has a network key (null when absent)
	not flag_on(job.network, "EnableInterContainerTrafficEncryption")

	# lint-rego: allow not-call-on-field — every job object has a cluster key ({} when absent)
	not instance_count(job.cluster)
}

schedule_isolation_violations := {concat("", ["Monitoring schedule ", lib.label, " does not have network isolation enabled in ", job.label, "."]) |
	some job in schedule_jobs

	# lint-rego: allow not-call-on-field — every job object has a network key (null when absent)
	not flag_on(job.network, "EnableNetworkIsolation")
}

schedule_encryption_violations := {concat("", ["Monitoring schedule ", lib.label, " does not encrypt the traffic between the ", format_int(n, 10), " instances of ", job.label, "."]) |
	some job in schedule_jobs

	# lint-rego: allow not-call-on-field — every job object has a network key (null when absent)
	not flag_on(job.network, "EnableInterContainerTrafficEncryption")
	n := instance_count(job.cluster)
	n > 1
}
