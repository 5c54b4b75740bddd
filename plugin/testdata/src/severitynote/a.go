package severitynote

func NoteShown() {} // want `note NoteShown`

func WarnShown() {} // want `warning WarnShown`
