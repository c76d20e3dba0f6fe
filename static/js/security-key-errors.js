// Says so on the page when a security key fails or is cancelled: allauth's WebAuthn script
// reports it with an `allauth.error` event and otherwise only logs it to the console. The
// notice is a live region (role="alert") that is empty until then, so it is announced.
document.addEventListener('allauth.error', function (event) {
  const tags = (event.detail && event.detail.tags) || []
  const notice = document.querySelector('.security-key-error')
  if (!notice || !tags.includes('webauthn')) return
  event.preventDefault()
  notice.textContent = notice.dataset.message
})
