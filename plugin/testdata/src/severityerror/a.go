package severityerror

func NoteHidden() {}

func WarnHidden() {}
