# Helpers for the SageMaker AI endpoint monitoring controls (Model Monitor and Clarify schedules)
# and for other SageMaker controls that need to know whether a regional type was collected.
# The resource under evaluation is an AWS::SageMaker::Endpoint; the schedules are looked up among
# the AWS::SageMaker::MonitoringSchedule resources of its account and region, so controls that
# use this file list "AWS::SageMaker::MonitoringSchedule" and "AWS::::Account" in
# related_resource_types.
package cafscan.lib.sagemaker_monitoring

import data.cafscan.lib

schedule_type := "AWS::SageMaker::MonitoringSchedule"

endpoint_type := "AWS::SageMaker::Endpoint"

# --- coverage of a regional type for the resource's own account and region ------------------------

region_accounts := lib.same_region_of_type("AWS::::Account")

# Whether the source collected every resource of `type` in this resource's account and region,
# so that finding none of them there means there are none.
region_collected(type) if {
	some account in region_accounts
	type in object.get(account.configuration, "collectedTypes", [])
}

# Why "none found" of `type` proves nothing for this resource (undefined when it was collected).
region_uncollected_reason(type, noun) := reason if {
	not region_collected(type)
	reason := region_failure(type, noun)
}

# The first failure the source recorded for the type in this region; failures[0] is undefined
# when there is none, and then the type was simply not collected.
region_failure(type, noun) := concat("", [lib.text(noun), " could not be collected for this account and region: ", lib.text(failures[0])]) if {
	failures := sort([f |
		some account in region_accounts
		f := account.configuration.failedTypes[type]
		is_string(f)
	])
} else := concat("", [lib.text(noun), " were not collected for this account and region"])

# --- the endpoint under evaluation ---------------------------------------------------------------

endpoint_name := name if {
	name := lib.configuration.EndpointName
	is_string(name)
	name != ""
} else := lib.label

# Monitoring only runs against an endpoint that serves traffic. A status that is not recorded
# (AWS Config does not record it) leaves the endpoint in scope: it exists, so it is judged.
not_in_service if {
	status := lib.configuration.EndpointStatus
	is_string(status)
	status != "InService"
}

# --- the endpoint's monitoring schedules ---------------------------------------------------------

# Schedules of the endpoint's account and region that monitor it: by the EndpointName
# DescribeMonitoringSchedule returns, by the endpoint input of an inline job definition, or by
# the relationship the collector (or Config) records.
schedules := [s |
	some s in lib.same_region_of_type(schedule_type)
	monitors_endpoint(s)
]

monitors_endpoint(s) if s.configuration.EndpointName == endpoint_name

monitors_endpoint(s) if {
	some job_input in s.configuration.MonitoringScheduleConfig.MonitoringJobDefinition.MonitoringInputs
	job_input.EndpointInput.EndpointName == endpoint_name
}

monitors_endpoint(s) if {
	some rel in object.get(s, "relationships", [])
	rel.resourceType == endpoint_type
	endpoint_name in {object.get(rel, "resourceId", null), object.get(rel, "resourceName", null)}
}

schedule_name(s) := name if {
	name := s.configuration.MonitoringScheduleName
	is_string(name)
} else := s.id

# DataQuality | ModelQuality | ModelBias | ModelExplainability. A schedule with an inline job
# definition and no type is a data quality schedule (the only kind defined inline).
monitoring_type(s) := t if {
	t := s.configuration.MonitoringType
	is_string(t)
} else := t if {
	t := s.configuration.MonitoringScheduleConfig.MonitoringType
	is_string(t)
} else := "DataQuality" if {
	is_object(s.configuration.MonitoringScheduleConfig.MonitoringJobDefinition)
}

inactive_statuses := {"Stopped", "Failed"}

# Pending and Scheduled schedules run; Stopped and Failed ones do not.
active(s) if {
	status := s.configuration.MonitoringScheduleStatus
	is_string(status)
	not status in inactive_statuses
}

inactive(s) if s.configuration.MonitoringScheduleStatus in inactive_statuses

of_types(types) := [s |
	some s in schedules
	monitoring_type(s) in types
]

# Whether a running schedule of one of these monitoring types watches the endpoint.
has_active(types) if {
	some s in of_types(types)
	active(s)
}

# Names of the endpoint's schedules of these types that are Stopped or Failed.
inactive_names(types) := sort([schedule_name(s) |
	some s in of_types(types)
	inactive(s)
])

# What stops "no running schedule of these types" from being known, for `missing`: `noun` names
# the kind of monitoring in the reasons ("model quality").
gaps(types, noun) := (coverage_gaps(types) | type_gaps(types, noun)) | status_gaps(types)

coverage_gaps(types) := {reason |
	not has_active(types)
	reason := region_uncollected_reason(schedule_type, "SageMaker monitoring schedules")
}

type_gaps(types, noun) := {reason |
	not has_active(types)
	some s in schedules
	not monitoring_type(s)
	reason := concat("", ["the monitoring type of schedule ", lib.text(schedule_name(s)), " is not in the inventory, so whether it is ", lib.text(noun), " monitoring is unknown"])
}

# No schedule of these types is active here, so one that is not inactive has an unknown status.
status_gaps(types) := {reason |
	not has_active(types)
	some s in of_types(types)
	not inactive(s)
	reason := concat("", ["the status of monitoring schedule ", lib.text(schedule_name(s)), " is not in the inventory"])
}

# The violation for an endpoint without a running schedule of these types, when nothing is missing.
violation(types, noun) := msg if {
	not has_active(types)
	names := inactive_names(types)
	count(names) > 0
	msg := concat("", ["Endpoint ", lib.label, " has no running ", lib.text(noun), " monitoring: its schedule(s) ", concat(", ", names), " are stopped or failed."])
} else := msg if {
	not has_active(types)
	msg := concat("", ["Endpoint ", lib.label, " has no ", lib.text(noun), " monitoring schedule."])
}
