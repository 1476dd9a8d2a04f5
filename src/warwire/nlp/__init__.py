"""NLP: the spaCy pipeline that splits sentences and finds named entities."""
