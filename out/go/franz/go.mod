module contracts.activity-builder.dev/events/franz

go 1.24.0

require (
	contracts.activity-builder.dev/events v1.0.0
	github.com/twmb/franz-go v1.20.7
)
