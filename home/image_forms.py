"""The image library's form (WAGTAILIMAGES_IMAGE_FORM_BASE): Wagtail's, whose upload is stored
without its metadata (home/images.py). The chooser's upload and the multiple upload use it too."""

from wagtail.images.forms import BaseImageForm

from .images import READ_ERRORS, not_an_image, strip_metadata


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].to_python = readable(self.fields["file"].to_python)

    def clean_file(self):
        # Wagtail's field has checked the file's type, size and pixels by now.
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            # The field's Willow image is done with: nothing of it is kept while this decodes.
            file.image = None
            return strip_metadata(file)
        return file


def readable(to_python):
    """Wagtail's field's to_python, with Pillow's errors about a truncated or corrupt file as
    a field error: Wagtail lets them through (a server error) while it counts the pixels."""

    def to_python_or_error(data):
        try:
            return to_python(data)
        except READ_ERRORS as error:
            raise not_an_image() from error

    return to_python_or_error
