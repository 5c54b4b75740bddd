package severitydefault

func NoteHidden() {}

func WarnShown() {} // want `warning WarnShown`
