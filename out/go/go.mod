module contracts.activity-builder.dev/events

go 1.24
